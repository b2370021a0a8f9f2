#!/usr/bin/env bash
# Automatic compress of the demo's cnn4 (--target-params 0.25, every default method and kept fraction, 500
# training images, --min-speedup 0 so both runs measure the same candidates; the final latency with 3 repeats,
# as it is not what is compared): in-process against
# --spark local[2], alternating twice; then checks that every local[2] run chose and wrote what in-process run 1 did.
set -u
# SPARK_BENCH_DIR holds model/ (the demo's cnn4 checkpoint) and dist/: copies of convcut-cli/target/convcut.jar
# and lib/ in dist/cli, of convcut-spark/target/convcut-spark.jar and lib/ in dist/spark. Run it under the heavy lock.
B="${SPARK_BENCH_DIR:?set SPARK_BENCH_DIR (see above)}"
D=$B/dist
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4000000000
OPTS=(-Xmx8g -Djava.awt.headless=true -Dai.djl.offline=true -DOPT_OUT_TRACKING=true
  -Dorg.slf4j.simpleLogger.log.dev.convcut.tensorize.select=info)
SOPTS=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do SOPTS+=("--add-opens=java.base/$p=ALL-UNNAMED"); done
CP="$D/cli/convcut.jar:$D/spark/convcut-spark.jar:$D/spark/lib/*"
ARGS=(compress --checkpoint $B/model --target-params 0.25 --min-speedup 0 --select-images 500 --latency-repeats 3
  --latency-warmup 1 --no-progress)
run() { # name extra...
  local name=$1; shift
  rm -rf $B/out-$name
  echo "== $name $(uptime)"
  local t0=$(date +%s.%N)
  java "${OPTS[@]}" "${SOPTS[@]}" -Dspark.local.dir=$B/local -cp "$CP" dev.convcut.cli.Main "${ARGS[@]}" --out $B/out-$name "$@" > $B/out-$name.log 2>&1
  echo "rc=$? wall=$(echo "$(date +%s.%N) - $t0" | bc) s; measuring: $(grep -o 'candidates measured in [0-9.]* s' $B/out-$name.log | tr '\n' ' ')"
}
mkdir -p $B/local
for i in 1 2; do
  run inproc-$i
  run local2-$i --spark 'local[2]'
done
for n in local2-1 inproc-2 local2-2; do
  if cmp -s $B/out-inproc-1/weights.safetensors $B/out-$n/weights.safetensors \
     && cmp -s $B/out-inproc-1/sensitivity.csv $B/out-$n/sensitivity.csv; then
    echo "$n: weights.safetensors and sensitivity.csv identical to inproc-1"
  else
    echo "$n: DIFFERS from inproc-1"
  fi
done
python3 -c "import json; print('local2-1 evaluatedOn', json.dumps(json.load(open('$B/out-local2-1/run.json'))['configuration']['evaluatedOn']))"
