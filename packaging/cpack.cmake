# CPack settings for the Debian package `cairn`. `cpack -G DEB` in a build tree writes
# cairn_<version>_<arch>.deb there; scripts/package.sh builds, installs and checks it.
set(CAIRN_PACKAGE_MAINTAINER "Cairn maintainers <cairn@example.org>" CACHE STRING
  "Maintainer field of the Debian package: a name and an email address")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cairn)
set(CPACK_PACKAGE_VENDOR "Cairn maintainers")
set(CPACK_PACKAGE_CONTACT "${CAIRN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "data pipeline editor with a per-step cache and resume")
# dpkg shows the description as it is, so its lines stay under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION
  "Cairn runs data and machine-learning pipelines drawn as graphs of steps.
Each step is a shell command, an inline Python script or a script file.
A step's cache key covers its code, parameters, declared input files and the
outputs of the steps before it, so a step is taken from the cache only when
nothing that goes into it changed. Any past run resumes from any step, with
new parameters.

The package contains the cairn window, the headless cairn-cli, the Python
step helper and a weather-prediction example.")
# Debian packages install under /usr, whatever prefix the build tree has (scripts/build.sh
# keeps CMake's /usr/local). The programs look for their helper and examples in
# ../share/cairn beside the binary first, so the prefix compiled in does not matter.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME cairn)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CAIRN_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# NOTE: the project has no published repository yet; this URL assumes github.com/cairn/cairn.
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/cairn/cairn")
# dpkg-shlibdeps adds the shared libraries the binaries link (Qt 6, QScintilla, Graphviz,
# SQLite, OpenSSL). Python steps run python3 and import cairn_step, which needs only the
# standard library. The example's scripts need the Recommends; qt6-translations-l10n
# translates Qt's own dialogs and fonts-noto-cjk draws the Chinese interface.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "python3-pandas, python3-numpy, python3-sklearn, python3-matplotlib, python3-vega-datasets, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")

include(CPack)
