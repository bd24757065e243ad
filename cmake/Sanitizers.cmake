# AddressSanitizer + UndefinedBehaviorSanitizer for the whole build, and libFuzzer targets
# (tests/fuzz/), as CI runs them (scripts/setup.sh test; the `asan` preset). See
# docs/reliability.md.
option(BORDERLENS_SANITIZE "Build everything with ASan and UBSan (GCC or Clang)" OFF)
option(BORDERLENS_FUZZ "Build the libFuzzer targets in tests/fuzz (Clang only)" OFF)

if(BORDERLENS_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "BORDERLENS_SANITIZE is for GCC and Clang")
    endif()
    # UBSan reports abort the test (-fno-sanitize-recover), so a report fails CI instead of
    # scrolling past in a log that passes.
    set(_bl_sanitize -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    add_compile_options(${_bl_sanitize})
    add_link_options(${_bl_sanitize})
    unset(_bl_sanitize)
endif()

if(BORDERLENS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "BORDERLENS_FUZZ needs Clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    if(NOT BORDERLENS_SANITIZE)
        message(WARNING "BORDERLENS_FUZZ without BORDERLENS_SANITIZE finds crashes only, not "
                        "memory errors or undefined behaviour")
    endif()
endif()

# Coverage instrumentation for a library the fuzzers drive (the fuzzers themselves link with
# -fsanitize=fuzzer, which brings libFuzzer's main()).
function(borderlens_fuzz_instrument target)
    if(BORDERLENS_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
endfunction()
