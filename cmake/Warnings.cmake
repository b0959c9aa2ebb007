# Project-wide warning flags, applied through an interface target so that
# third-party code found with find_package is not affected.
add_library(conformance_warnings INTERFACE)
target_compile_options(conformance_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wimplicit-fallthrough -Wformat=2)
if(CONFORMANCE_WERROR)
  target_compile_options(conformance_warnings INTERFACE -Werror)
endif()
# GCC 12 sees Boost.Asio's recycling allocator behind a coroutine frame's
# operator new/delete pair and reports a mismatch that is not there (a false
# positive that depends on inlining). Every coroutine-heavy file trips it.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(conformance_warnings INTERFACE -Wno-mismatched-new-delete)
endif()
