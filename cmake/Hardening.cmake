# Hardening for GCC/Clang builds, matching what Debian's dpkg-buildflags gives packaged software
# and what lintian's hardening checks expect: _FORTIFY_SOURCE=2 (in every configuration but Debug,
# as it needs optimisation), a strong stack protector, stack-clash and control-flow protection
# where the compiler has them, full RELRO with immediate binding, and position-independent
# executables. MSVC has its own defaults (/GS, /DYNAMICBASE, /HIGHENTROPYVA, /NXCOMPAT).
option(BORDERLENS_HARDENING "Build with hardening flags (GCC and Clang)" ON)

if(BORDERLENS_HARDENING AND NOT MSVC)
    include(CheckCXXCompilerFlag)
    include(CheckPIESupported)

    # _FORTIFY_SOURCE's checked copies bypass ASan's interceptors: leave it to ASan there.
    set(_bl_optimised "$<AND:$<NOT:$<CONFIG:Debug>>,$<NOT:$<BOOL:${BORDERLENS_SANITIZE}>>>")
    # -U first: some toolchains (Ubuntu, Fedora) predefine it, and a redefinition warning would
    # become an error under BORDERLENS_WARNINGS_AS_ERRORS.
    add_compile_options(
        "$<${_bl_optimised}:-U_FORTIFY_SOURCE>"
        "$<${_bl_optimised}:-D_FORTIFY_SOURCE=2>"
        -fstack-protector-strong)
    foreach(_bl_flag IN ITEMS -fstack-clash-protection -fcf-protection)
        string(MAKE_C_IDENTIFIER "BORDERLENS_HAS${_bl_flag}" _bl_var)
        check_cxx_compiler_flag(${_bl_flag} ${_bl_var})
        if(${_bl_var})
            add_compile_options(${_bl_flag})
        endif()
    endforeach()

    if(NOT APPLE)
        add_link_options(LINKER:-z,relro,-z,now)
    endif()

    # -fPIE/-pie for executables (Qt's targets already ask for -fPIC, which also makes PIE code).
    check_pie_supported(OUTPUT_VARIABLE _bl_pie_output LANGUAGES CXX)
    if(CMAKE_CXX_LINK_PIE_SUPPORTED)
        set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    else()
        message(WARNING "BorderLens: the linker cannot make PIE executables: ${_bl_pie_output}")
    endif()
    unset(_bl_optimised)
endif()
