# epiwire_add_test(NAME name SOURCES a_test.cc ... LIBS lib ... LABELS unit)
function(epiwire_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  # The release preset runs only the integration tests (the dev preset runs every
  # test under the sanitizers): it need not compile the unit tests a second time.
  if(NOT EPIWIRE_BUILD_UNIT_TESTS AND NOT "integration" IN_LIST T_LABELS)
    return()
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest_main epiwire_warnings)
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)  # shared test helpers
  target_compile_definitions(${T_NAME} PRIVATE
    EPIWIRE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    EPIWIRE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${T_NAME} PROPERTIES LABELS "${T_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
