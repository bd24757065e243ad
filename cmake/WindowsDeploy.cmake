# Windows install tree (used by `cmake --install` and by CPack's NSIS and ZIP generators):
#
#   bin/borderlens.exe, bin/borderlens-cli.exe     the programs
#   bin/*.dll, bin/platforms/, bin/styles/, ...    Qt (windeployqt), GDAL, PROJ and their DLLs
#   share/borderlens/geodata/                      the bundled data (top-level install rules)
#   share/proj/proj.db, share/gdal/                PROJ's and GDAL's data; the programs point
#                                                  PROJ_DATA/GDAL_DATA at them when unset
#                                                  (core/data/runtime_environment.cpp)
#
# Written for MSVC with vcpkg (CMakePresets.json: windows-msvc). Not built on this project's
# Linux CI: .github/workflows/windows.yml runs it on a Windows runner.
if(NOT WIN32)
    return()
endif()

# Qt: windeployqt, through the deploy script Qt generates (Qt 6.3+; the option that names the
# script changed in Qt 6.5).
if(QT_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET borderlens OUTPUT_SCRIPT _bl_qt_deploy
        NO_UNSUPPORTED_PLATFORM_ERROR)
else()
    qt_generate_deploy_app_script(TARGET borderlens FILENAME_VARIABLE _bl_qt_deploy
        NO_UNSUPPORTED_PLATFORM_ERROR)
endif()
install(SCRIPT "${_bl_qt_deploy}")

# windeployqt looks at the viewer only. The CLI draws on Qt's offscreen platform, which the
# viewer does not use, so ship that plugin as well.
if(NOT TARGET Qt6::QOffscreenIntegrationPlugin)
    # Qt imports its plugin targets with Qt6Gui, but not every Qt build (Debian's, for one).
    find_package(Qt6QOffscreenIntegrationPlugin CONFIG QUIET PATHS "${Qt6Gui_DIR}" NO_DEFAULT_PATH)
endif()
if(TARGET Qt6::QOffscreenIntegrationPlugin)
    install(FILES "$<TARGET_FILE:Qt6::QOffscreenIntegrationPlugin>"
        DESTINATION ${CMAKE_INSTALL_BINDIR}/platforms)
endif()

# Every other DLL the programs load (GDAL, PROJ and what they pull in: GEOS, SQLite, curl, ...),
# found next to the libraries' import targets. System DLLs stay out.
string(CONFIGURE [[
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES "$<TARGET_FILE:borderlens>" "$<TARGET_FILE:borderlens-cli>"
        RESOLVED_DEPENDENCIES_VAR _bl_deps
        UNRESOLVED_DEPENDENCIES_VAR _bl_unresolved
        DIRECTORIES "$<TARGET_FILE_DIR:borderlens>" "$<TARGET_FILE_DIR:GDAL::GDAL>"
                    "$<TARGET_FILE_DIR:PROJ::proj>" "$<TARGET_FILE_DIR:Qt6::Core>"
        PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
        POST_EXCLUDE_REGEXES ".*[Ss][Yy][Ss][Tt][Ee][Mm]32/.*\\.[Dd][Ll][Ll]$")
    foreach(_bl_dll IN LISTS _bl_deps)
        file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/@CMAKE_INSTALL_BINDIR@"
            TYPE SHARED_LIBRARY FILES "${_bl_dll}")
    endforeach()
    foreach(_bl_dll IN LISTS _bl_unresolved)
        message(WARNING "BorderLens: runtime dependency not found: ${_bl_dll}")
    endforeach()
]] _bl_runtime_deps_code @ONLY)
install(CODE "${_bl_runtime_deps_code}")

# PROJ's and GDAL's data. vcpkg installs both in <prefix>/share/{proj,gdal}, next to their CMake
# package files; other layouts can set the cache variables.
function(_bl_find_data_dir var marker subdir package_dir)
    # <prefix>/share/<subdir> itself (vcpkg), or <prefix>/lib[/<arch>]/cmake/<name>
    set(hints "${package_dir}" "${package_dir}/../../../share/${subdir}"
        "${package_dir}/../../../../share/${subdir}")
    foreach(prefix IN LISTS CMAKE_PREFIX_PATH CMAKE_SYSTEM_PREFIX_PATH)
        list(APPEND hints "${prefix}/share/${subdir}")
    endforeach()
    find_path(${var} ${marker} HINTS ${hints} NO_DEFAULT_PATH
        DOC "Folder with ${marker}, shipped in share/${subdir} by the Windows installer")
    if(NOT ${var})
        message(WARNING "BorderLens: ${marker} not found; set ${var}. "
                        "The installer would lack ${subdir} data.")
    endif()
endfunction()
_bl_find_data_dir(BORDERLENS_PROJ_DATA_DIR proj.db proj "${PROJ_DIR}")
_bl_find_data_dir(BORDERLENS_GDAL_DATA_DIR gdalvrt.xsd gdal "${GDAL_DIR}")
if(BORDERLENS_PROJ_DATA_DIR)
    install(DIRECTORY "${BORDERLENS_PROJ_DATA_DIR}/" DESTINATION ${CMAKE_INSTALL_DATADIR}/proj
        PATTERN "*.cmake" EXCLUDE)
endif()
if(BORDERLENS_GDAL_DATA_DIR)
    install(DIRECTORY "${BORDERLENS_GDAL_DATA_DIR}/" DESTINATION ${CMAKE_INSTALL_DATADIR}/gdal
        PATTERN "*.cmake" EXCLUDE)
endif()
