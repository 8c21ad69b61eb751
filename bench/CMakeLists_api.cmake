# bench_api: HTTP API latency over 1M synthetic events in SQLite (included from
# bench/CMakeLists.txt; needs the serve and store stages).
if(TARGET epiwire_serve)
  pkg_check_modules(BENCH_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  add_executable(bench_api bench_api.cc)
  target_link_libraries(bench_api PRIVATE epiwire::serve epiwire_bench_store epiwire_malloc PkgConfig::BENCH_HTTPLIB
                                          benchmark::benchmark Threads::Threads epiwire_warnings)
  # load_api: `epiwire serve` under load, slow clients and abuse (loopback only).
  add_executable(load_api load_api.cc)
  target_link_libraries(load_api PRIVATE epiwire_bench_store PkgConfig::BENCH_HTTPLIB
                                         nlohmann_json::nlohmann_json Threads::Threads
                                         epiwire_warnings)
  if(EPIWIRE_BUILD_TESTS AND TARGET epiwire)
    # A small run in CI (5,000 events, 50 clients for 5 s, 60 slow clients, 2 s timeout);
    # the full run (1M events, 200 clients for 30 s) is by hand: docs/limits.md.
    add_test(NAME api_load_and_abuse
             COMMAND load_api --epiwire $<TARGET_FILE:epiwire> --events 5000 --clients 50
                              --seconds 5 --slow 60 --timeout 2)
    set_tests_properties(api_load_and_abuse PROPERTIES LABELS integration TIMEOUT 300)
  endif()
endif()
