#!/usr/bin/env python3
"""Writes N synthetic essays (~1,200 words each: headings, lists, links, code) into a folder.

The corpus is deterministic (seeded), so runs on different days compare the same work.
Usage: generate.py N OUTPUT_FOLDER
"""
import os
import random
import sys

WORDS = ("machine cost month growth request memory latency budget capacity service traffic "
         "engineer afternoon optimization queue limit throughput instance headroom cache "
         "deploy failure spare week rate users load double factor model number estimate").split()


def sentence(rng, low=8, high=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://example.org/{words[i]})"
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    return " ".join(words) + "."


def essay(rng, index):
    parts = []
    words = 0
    section = 0
    while words < 1200:
        section += 1
        parts.append(f"## Section {section}: {rng.choice(WORDS)} and {rng.choice(WORDS)}\n")
        for _ in range(rng.randint(2, 4)):
            paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
            words += len(paragraph.split())
            parts.append(paragraph + "\n")
        if section % 2 == 0:
            items = [f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 5))]
            words += sum(len(i.split()) for i in items)
            parts.append("\n".join(items) + "\n")
        if section % 3 == 0:
            parts.append("```swift\nlet cost = machines * 20.0 // dollars per month\nfor month in 0...12 {\n    print(month, cost)\n}\n```\n")
    day = index % 28 + 1
    month = (index // 28) % 12 + 1
    year = 2000 + index // (28 * 12)
    tags = sorted({rng.choice(WORDS) for _ in range(3)})
    header = (f"---\ntitle: \"Essay {index}: {rng.choice(WORDS)} {rng.choice(WORDS)}\"\n"
              f"date: {year:04d}-{month:02d}-{day:02d}\ntags: [{', '.join(tags)}]\n---\n\n")
    return header + "\n".join(parts)


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    os.makedirs(os.path.join(folder, "posts"), exist_ok=True)
    for index in range(count):
        with open(os.path.join(folder, "posts", f"essay-{index:05d}.md"), "w") as f:
            f.write(essay(rng, index))


if __name__ == "__main__":
    main()
