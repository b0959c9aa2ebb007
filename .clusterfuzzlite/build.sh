#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: their compiler flags ($CXXFLAGS carry the
# sanitizer and coverage flags) and their engine ($LIB_FUZZING_ENGINE).
cmake -S "$SRC/conformance" -B build -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DCONFORMANCE_FUZZ=ON -DCONFORMANCE_FUZZING_ENGINE="$LIB_FUZZING_ENGINE" \
  -DCONFORMANCE_TESTS=OFF -DCONFORMANCE_BENCHMARKS=OFF
cmake --build build -j"$(nproc)"

for dir in "$SRC"/conformance/fuzz/*/; do
  name=$(basename "$dir")
  [ -f "$dir/fuzz_$name.cpp" ] || continue
  cp "build/fuzz/fuzz_$name" "$OUT/"
  [ -f "$dir/$name.dict" ] && cp "$dir/$name.dict" "$OUT/fuzz_$name.dict"
  (cd "$dir/corpus" && zip -q -r "$OUT/fuzz_${name}_seed_corpus.zip" .)
done
