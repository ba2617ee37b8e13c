#!/usr/bin/env python3
"""What the integration test classes cost, after a run of src-it (docs/development.md).

  python3 src-it/it-costs.py            per class: fork, start, wall, CPU, children's CPU, waiting
  python3 src-it/it-costs.py --layout   the suite's length for 3 and 4 test JVMs and three class
                                        orders, from the per-class times of the failsafe reports

The first reads target/it-costs/fork-N.tsv (written by org.dialerd.it.ClassCosts); the second
replays failsafe's queue (each JVM takes the next class in the order when it is done with one)
with the measured class times: it ignores that classes slow each other down, so compare orders
with it, not machines.
"""
import glob
import heapq
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def costs():
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, 'target', 'it-costs', 'fork-*.tsv'))):
        fork = os.path.basename(path)[len('fork-'):-len('.tsv')]
        for line in open(path):
            name, start, wall, cpu, children, load = line.rstrip('\n').split('\t')
            rows.append((name.rsplit('.', 1)[1], fork, int(start), int(wall), int(cpu), int(children), load))
    if not rows:
        sys.exit('no target/it-costs/fork-*.tsv: run the integration tests first')
    t0 = min(r[2] for r in rows)
    print('%d classes: wall %.0f s, test JVMs CPU %.0f s, their child processes CPU %.0f s, first start to last end %.0f s'
          % (len(rows), sum(r[3] for r in rows) / 1e3, sum(r[4] for r in rows) / 1e3, sum(r[5] for r in rows) / 1e3,
             (max(r[2] + r[3] for r in rows) - t0) / 1e3))
    print('%-30s %4s %6s %6s %6s %6s %6s %5s' % ('class', 'fork', 'start', 'wall', 'cpu', 'child', 'wait', 'load'))
    for r in sorted(rows, key=lambda r: -r[3]):
        print('%-30s %4s %6.0f %6.1f %6.1f %6.1f %6.1f %5s' % (r[0], r[1], (r[2] - t0) / 1e3, r[3] / 1e3, r[4] / 1e3,
                                                            r[5] / 1e3, (r[3] - r[4] - r[5]) / 1e3, r[6]))


def layout():
    times = {}
    for path in glob.glob(os.path.join(HERE, 'target', 'failsafe-reports', 'TEST-*.xml')):
        suite = ET.parse(path).getroot()
        times[suite.get('name')] = float(suite.get('time'))
    if not times:
        sys.exit('no target/failsafe-reports: run the integration tests first')
    orders = {'alphabetical': sorted(times), 'reversealphabetical': sorted(times, reverse=True),
              'longest first': sorted(times, key=lambda n: -times[n])}
    print('%d classes, %.0f s of class time' % (len(times), sum(times.values())))
    for forks in (3, 4):
        for order, names in orders.items():
            jvms = [(0.0, i) for i in range(forks)]
            last = {}
            for name in names:
                free, jvm = heapq.heappop(jvms)
                last[jvm] = name
                heapq.heappush(jvms, (free + times[name], jvm))
            end, jvm = max(jvms)
            print('%d JVMs, %-20s %4.0f s (last to end: %s)' % (forks, order, end, last[jvm].rsplit('.', 1)[1]))


if __name__ == '__main__':
    layout() if '--layout' in sys.argv else costs()
