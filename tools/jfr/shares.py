#!/usr/bin/env python3
"""Inclusive shares of a flight recording's CPU samples (docs/performance.md, "Journey throughput").

    jfr print --events jdk.ExecutionSample --stack-depth 256 target/journey-h2-product-in-process-1.jfr > samples.txt
    python3 tools/jfr/shares.py samples.txt 'CaseAccess\\.' 'AuthorizationManager' 'org.h2.command.Parser.parse$'

Prints the number of samples, the product's own methods (uk.safeguarding.workflow, the benchmark
left out) by the share of samples whose stack holds them, then the share of samples whose stack
holds a frame matching each regular expression given (each sample counted once per line).
"""
import collections
import re
import sys


def samples(path):
    stacks, current = [], None
    with open(path) as dump:
        for line in dump:
            text = line.strip()
            if text.startswith('jdk.ExecutionSample'):
                current = []
            elif text == ']' and current is not None:
                stacks.append(current)
                current = None
            elif current is not None and '(' in text and not text.startswith('stackTrace'):
                frame = re.match(r'([\w$.<>]+)\(', text)
                if frame:
                    current.append(frame.group(1))
    return stacks


def main(path, patterns):
    stacks = samples(path)
    total = len(stacks) or 1
    print(f'samples: {len(stacks)}')
    product = collections.Counter()
    for stack in stacks:
        product.update({frame for frame in stack
                        if frame.startswith('uk.safeguarding.workflow.') and '.benchmark.' not in frame})
    for frame, count in product.most_common(40):
        print(f'{100 * count / total:6.1f}% {frame}')
    for pattern in patterns:
        expression = re.compile(pattern)
        count = sum(1 for stack in stacks if any(expression.search(frame) for frame in stack))
        print(f'{100 * count / total:6.1f}%  /{pattern}/')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
