# The Debian package (cpack -G DEB, run by scripts/package.sh deb):
# grand-bargain_VERSION_amd64.deb with its library dependencies computed by
# dpkg-shlibdeps, stripped programs, the copyright file and changelog that
# Debian's policy asks for, and the service's environment file as a conffile.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "grand-bargain")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Grand Bargain authors")
set(CPACK_PACKAGE_CONTACT "Grand Bargain maintainers <maintainers@grand-bargain.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "seminar wargame of US-Iran relations and the regional order")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # grand-bargain_VERSION_amd64.deb
set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# "education", not "games": Debian's games go in /usr/games, and this is a
# teaching wargame whose server and tool are not games.
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the libraries: the client's typeface.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# The summary above is the synopsis; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Teams play the United States, Iran, Israel and the Gulf states on a map of
the Middle East; an instructor's White Cell runs the game; afterwards the
instructor replays the session for the debrief. The event cards come from
real diplomatic episodes, from Iran-Contra through the 2001 Afghanistan
channel to the 2009 interests-section debate.
.
This package holds the desktop client (gb-client), the game server
(gb-server, with a systemd service for a dedicated server) and the
command-line tool (gb) for bots, replays, reports and simulations.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_SOURCE_DIR}/packaging/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
