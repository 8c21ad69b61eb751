# epiwire_add_test(NAME name SOURCES a_test.cc ... LIBS lib ... LABELS unit)
function(epiwire_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest_main epiwire_warnings)
  target_compile_definitions(${T_NAME} PRIVATE
    EPIWIRE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    EPIWIRE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${T_NAME} PROPERTIES LABELS "${T_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
