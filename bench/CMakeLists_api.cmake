# bench_api: HTTP API latency over 1M synthetic events in SQLite (included from
# bench/CMakeLists.txt; needs the serve and store stages).
if(TARGET epiwire_serve)
  pkg_check_modules(BENCH_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  add_executable(bench_api bench_api.cc)
  target_link_libraries(bench_api PRIVATE epiwire::serve PkgConfig::BENCH_HTTPLIB
                                          benchmark::benchmark Threads::Threads epiwire_warnings)
endif()
