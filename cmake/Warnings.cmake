# Project-wide warning flags, applied through an interface target so that
# third-party code found with find_package is not affected.
add_library(conformance_warnings INTERFACE)
target_compile_options(conformance_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wimplicit-fallthrough -Wformat=2)
if(CONFORMANCE_WERROR)
  target_compile_options(conformance_warnings INTERFACE -Werror)
endif()
