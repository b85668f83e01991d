# CMake toolchain for 64-bit Windows with Debian's mingw-w64 (posix threads, so
# std::thread and std::mutex work). Libraries cross-built by scripts/windows/deps.sh
# live in GB_WIN64_PREFIX (default: build-win64/deps/prefix beside this file's repo).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(GB_MINGW x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${GB_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${GB_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER ${GB_MINGW}-windres)
set(CMAKE_AR ${GB_MINGW}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${GB_MINGW}-gcc-ranlib-posix CACHE FILEPATH "")

if(NOT GB_WIN64_PREFIX)
  if(DEFINED ENV{GB_WIN64_PREFIX})
    set(GB_WIN64_PREFIX $ENV{GB_WIN64_PREFIX})
  else()
    get_filename_component(GB_WIN64_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../build-win64/deps/prefix" ABSOLUTE)
  endif()
endif()
# try_compile projects see the toolchain again; pass the prefix on to them.
set(CMAKE_TRY_COMPILE_PLATFORM_VARIABLES GB_WIN64_PREFIX)

# Look for libraries and headers only in the mingw sysroot and our prefix, for programs only on the host.
set(CMAKE_FIND_ROOT_PATH /usr/${GB_MINGW} ${GB_WIN64_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# The prefix's include/ also holds links to the host's header-only cereal and toml11.
set(CMAKE_CXX_STANDARD_INCLUDE_DIRECTORIES ${GB_WIN64_PREFIX}/include)
