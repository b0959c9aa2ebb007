# ASan+UBSan for the whole build. Fuzzing always implies them: a fuzzer
# without sanitizers finds only the crashes that would have happened anyway.
if(CONFORMANCE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CONFORMANCE_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NOT CONFORMANCE_FUZZING_ENGINE)
    set(CONFORMANCE_SANITIZE ON)
  endif()
endif()

if(CONFORMANCE_SANITIZE)
  set(_conformance_san -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${_conformance_san})
  add_link_options(${_conformance_san})
endif()

if(CONFORMANCE_FUZZ AND NOT CONFORMANCE_FUZZING_ENGINE)
  # Coverage instrumentation for everything the fuzz targets link; -fsanitize=fuzzer
  # itself (which brings main) is added to the fuzz executables only.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
