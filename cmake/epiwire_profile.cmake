# Profile-guided optimisation (EPIWIRE_PROFILE_GENERATE, EPIWIRE_PROFILE_USE) of the
# libraries an extraction runs through and of the command that drives them. The store,
# the server and the queue are left as they are: the profile does not go through them,
# and code a profile never saw is compiled as cold.
set(EPIWIRE_PROFILED_TARGETS
    epiwire_base epiwire_model epiwire_text epiwire_ingest epiwire_clean epiwire_gazetteer
    epiwire_quantity epiwire_dates epiwire_events epiwire_output epiwire_pipeline epiwire)

if(EPIWIRE_PROFILE_GENERATE AND EPIWIRE_PROFILE_USE)
  message(FATAL_ERROR "EPIWIRE_PROFILE_GENERATE and EPIWIRE_PROFILE_USE: one or the other")
endif()
if((EPIWIRE_PROFILE_GENERATE OR EPIWIRE_PROFILE_USE) AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "Profile-guided builds need clang (the release preset's compiler); "
                      "this build's is ${CMAKE_CXX_COMPILER_ID}")
endif()
if(EPIWIRE_PROFILE_USE AND NOT EXISTS "${EPIWIRE_PROFILE_USE}")
  message(FATAL_ERROR "EPIWIRE_PROFILE_USE: no such profile: ${EPIWIRE_PROFILE_USE} "
                      "(scripts/profile.sh makes it)")
endif()
if(EPIWIRE_PROFILE_GENERATE)
  # Every program linking an instrumented library needs the profile's runtime: set
  # before any target is made.
  add_link_options(-fprofile-instr-generate)
endif()

# Called once the targets exist.
function(epiwire_apply_profile)
  foreach(target IN LISTS EPIWIRE_PROFILED_TARGETS)
    if(NOT TARGET ${target})
      continue()  # a stage not in the tree
    endif()
    if(EPIWIRE_PROFILE_GENERATE)
      target_compile_options(${target} PRIVATE -fprofile-instr-generate)
    elseif(EPIWIRE_PROFILE_USE)
      # (A function the profile lacks, or one changed since, is compiled as without one.)
      target_compile_options(${target} PRIVATE "-fprofile-instr-use=${EPIWIRE_PROFILE_USE}"
                                               -Wno-profile-instr-unprofiled
                                               -Wno-profile-instr-out-of-date)
      # A new profile rebuilds every object it lays out: ThinLTO will not link objects
      # built with different profiles ("linking module flags 'ProfileSummary': IDs have
      # conflicting values").
      get_target_property(sources ${target} SOURCES)
      get_target_property(source_dir ${target} SOURCE_DIR)
      foreach(source IN LISTS sources)
        if(NOT IS_ABSOLUTE "${source}")
          set(source "${source_dir}/${source}")
        endif()
        set_property(SOURCE "${source}" TARGET_DIRECTORY ${target} APPEND
                     PROPERTY OBJECT_DEPENDS "${EPIWIRE_PROFILE_USE}")
      endforeach()
    endif()
  endforeach()
endfunction()
