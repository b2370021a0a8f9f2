# Sums an ONNX Runtime profile (bench/OrtProbe.java profile:DIR) per operator and per ResNet stage.
# usage: ort_profile_sum.py PROFILE.json PASSES
import json,sys,collections,re
f=sys.argv[1]; runs=int(sys.argv[2])
ev=json.load(open(f))
by_op=collections.Counter(); by_stage=collections.defaultdict(collections.Counter)
last_stage='rest'
for e in ev:
    if e.get('cat')!='Node' or not e['name'].endswith('_kernel_time'): continue
    op=e['args'].get('op_name'); name=e['name'][:-len('_kernel_time')]
    d=e['dur']/1000.0/runs
    by_op[op]+=d
    m=re.search(r'layer(\d)',name)
    if m:
        last_stage='layer'+m.group(1)
        stage=last_stage
    elif 'Reorder' in op:
        stage=last_stage  # a layout conversion belongs to the stage of the node before it
    else:
        stage='rest'  # stem convolution, pooling, classifier
    by_stage[stage][op]+=d
tot=sum(by_op.values())
print(f, 'node time per pass %.1f ms' % tot)
for op,d in by_op.most_common(): print('  %-22s %9.1f ms' % (op, d))
for st in sorted(by_stage): print('  stage %-7s %s total %.1f' % (st, ', '.join('%s %.1f' % (k,v) for k,v in by_stage[st].most_common()), sum(by_stage[st].values())))
