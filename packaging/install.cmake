# What `cmake --install build --prefix P` puts where (included by the top
# CMakeLists.txt): the programs in P/bin, their data in
# P/share/grand-bargain, the desktop entry, icons, AppStream metadata, manual
# pages and documents; the systemd unit and its environment file for the
# Debian package (packaging/cpack.cmake builds it from the same rules).
include(GNUInstallDirs)

# The unit and its environment file: under the prefix by default
# (P/lib/systemd/system, P/etc/default); scripts/package.sh sets the system's
# /lib/systemd/system and /etc/default for the .deb.
set(GB_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING "where gb-server.service is installed")
set(GB_DEFAULTS_DIR "${CMAKE_INSTALL_SYSCONFDIR}/default" CACHE STRING "where the service's environment file is installed")
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(GB_DATA "${CMAKE_INSTALL_DATADIR}/grand-bargain")
set(GB_DOC "${CMAKE_INSTALL_DATADIR}/doc/grand-bargain")

install(TARGETS gb gb-server gb-client RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${GB_DATA}/assets)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/ DESTINATION ${GB_DATA}/scenarios)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/grand-bargain.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.grand_bargain.GrandBargain.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/packaging/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/icons/grand-bargain.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# Manual pages and the changelog, compressed as Debian wants them (gzip -9n:
# the best compression, no name or time stamp, so the bytes are reproducible).
set(GB_GZ_DIR ${CMAKE_BINARY_DIR}/packaging)
set(GB_GZ_FILES)
foreach(src man/gb.1 man/gb-server.1 man/gb-client.6 debian/changelog)
  get_filename_component(name ${src} NAME)
  set(out ${GB_GZ_DIR}/${name}.gz)
  add_custom_command(OUTPUT ${out}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${GB_GZ_DIR}
                     COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/packaging/${src} > ${out}
                     DEPENDS ${CMAKE_SOURCE_DIR}/packaging/${src}
                     COMMENT "gzip ${src}")
  list(APPEND GB_GZ_FILES ${out})
endforeach()
add_custom_target(gb_packaging_files ALL DEPENDS ${GB_GZ_FILES})
install(FILES ${GB_GZ_DIR}/gb.1.gz ${GB_GZ_DIR}/gb-server.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${GB_GZ_DIR}/gb-client.6.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)

install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/debian/copyright ${GB_GZ_DIR}/changelog.gz
        DESTINATION ${GB_DOC})
install(FILES ${CMAKE_SOURCE_DIR}/docs/instructor-guide.md ${CMAKE_SOURCE_DIR}/docs/rules.md
              ${CMAKE_SOURCE_DIR}/docs/scenario-format.md ${CMAKE_SOURCE_DIR}/docs/protocol.md
              ${CMAKE_SOURCE_DIR}/docs/report-format.md ${CMAKE_SOURCE_DIR}/docs/SECURITY.md
              ${CMAKE_SOURCE_DIR}/docs/thesis.md
        DESTINATION ${GB_DOC}/docs)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/gb-server.service DESTINATION ${GB_SYSTEMD_UNIT_DIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/grand-bargain-server.default
        DESTINATION ${GB_DEFAULTS_DIR} RENAME grand-bargain-server)
