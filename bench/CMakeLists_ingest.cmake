# bench_ingest: documents/s into the SQLite store (and PostgreSQL when
# EPIWIRE_BENCH_POSTGRES_URL is set). Included from bench/CMakeLists.txt (after
# find_package(benchmark)); built when the store is in the tree.
if(TARGET epiwire_store AND TARGET epiwire_pipeline)
  pkg_check_modules(BENCH_LIBPQ REQUIRED IMPORTED_TARGET libpq)
  add_executable(bench_ingest ${CMAKE_CURRENT_LIST_DIR}/bench_ingest.cc)
  target_link_libraries(bench_ingest PRIVATE epiwire::store epiwire::pipeline epiwire::ingest
                                             epiwire::base PkgConfig::BENCH_LIBPQ
                                             benchmark::benchmark epiwire_malloc epiwire_warnings)
  target_compile_definitions(bench_ingest PRIVATE
    EPIWIRE_SOURCE_DIR="${CMAKE_CURRENT_LIST_DIR}/.."
    EPIWIRE_SHARED_DIR="${CMAKE_CURRENT_LIST_DIR}/../../shared")
endif()
