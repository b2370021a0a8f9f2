#!/usr/bin/env bash
# The demo's cnn4 sweep (every conv layer, all 7 cuts, default levels, 1000 images): in-process against
# --spark local[2], alternating, then the two-Worker loopback cluster.
set -u
# SPARK_BENCH_DIR holds model/ (the demo's cnn4 checkpoint) and dist/: copies of convcut-cli/target/convcut.jar
# and lib/ in dist/cli, of convcut-spark/target/convcut-spark.jar and lib/ in dist/spark. Run it under the heavy lock.
B="${SPARK_BENCH_DIR:?set SPARK_BENCH_DIR (see above)}"
D=$B/dist
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4000000000
OPTS=(-Xmx8g -Djava.awt.headless=true -Dai.djl.offline=true -DOPT_OUT_TRACKING=true)
SOPTS=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do SOPTS+=("--add-opens=java.base/$p=ALL-UNNAMED"); done
CP="$D/cli/convcut.jar:$D/spark/convcut-spark.jar:$D/spark/lib/*"
ARGS=(sweep --checkpoint $B/model --eval-samples 1000)
run() { # name extra...
  local name=$1; shift
  rm -rf $B/out-$name
  echo "== $name $(uptime)"
  local t0=$(date +%s.%N)
  java "${OPTS[@]}" "${SOPTS[@]}" -Dspark.local.dir=$B/local "$@" -cp "$CP" dev.convcut.cli.Main "${ARGS[@]}" --out $B/out-$name ${EXTRA:-} > $B/out-$name.log 2>&1
  echo "rc=$? wall=$(echo "$(date +%s.%N) - $t0" | bc) s; $(grep -o 'Layer-wise.*' $B/out-$name.log | grep -o '[0-9]* evaluations in [0-9.]* s')"
}
mkdir -p $B/local
for i in 1; do  # one alternation: in-process, local[2]; the cluster; in-process again
  EXTRA="" run inproc-$i
  EXTRA="--spark local[2]" run local2-$i
done
# Two one-core Workers on 127.0.0.1, each a separate JVM, executors of 1g.
H=$B/spark-home; mkdir -p $H/jars $H/conf
JV=(java -Xmx512m "${SOPTS[@]}" -cp "$CP")
export SPARK_HOME=$H SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
"${JV[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8180 > $B/master.log 2>&1 & M=$!
sleep 8
"${JV[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1536m --work-dir $B/w0 --webui-port 8181 spark://127.0.0.1:7177 > $B/w0.log 2>&1 & W0=$!
"${JV[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1536m --work-dir $B/w1 --webui-port 8182 spark://127.0.0.1:7177 > $B/w1.log 2>&1 & W1=$!
sleep 12
EXTRA="--spark spark://127.0.0.1:7177" run cluster -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.executor.memory=1g
EXTRA="" run inproc-2
kill $W0 $W1; sleep 2; kill $M
for n in local2-1 cluster inproc-2; do
  python3 - $B/out-inproc-1/sweep.csv $B/out-$n/sweep.csv <<'PY'
import sys
a=open(sys.argv[1]).read().splitlines(); b=open(sys.argv[2]).read().splitlines()
print(sys.argv[2], "same rows as in-process:", a[0]==b[0] and sorted(a[1:])==sorted(b[1:]) and len(set(b))==len(b), len(b)-1, "rows")
PY
done
for n in local2-1 cluster; do python3 -c "import json,sys; print('$n', json.dumps(json.load(open('$B/out-$n/sweep.json'))['evaluatedOn']))"; done
