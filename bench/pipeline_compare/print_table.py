#!/usr/bin/env python3
"""Prints the results of run.sh (JSON Lines from pipeline_compare and compare.js) as
Markdown tables: one row per tool and pipeline with the ratios of each storyline
pipeline to compromise and to wink-nlp (CPU time, then wall time, in the same run), and
the per-stage breakdown of storyline's analyzer.

usage: print_table.py RESULTS.jsonl
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ratio(ours, theirs, key):
    return f"{ours[key] / theirs[key]:.1f}" if theirs else "-"


def print_runs(runs):
    word_counts = {run["words"] for run in runs}
    if len(word_counts) != 1:
        sys.exit(f"print_table.py: the tools counted different words: {sorted(word_counts)}")
    by_tool = {run["tool"]: run for run in runs if run["tool"] != "storyline"}
    compromise, wink = by_tool.get("compromise"), by_tool.get("wink-nlp")
    print(f"{runs[0]['articles']} articles, {runs[0]['words']} words (whitespace tokens)\n")
    print("| tool | pipeline | words/s (CPU) | words/s (wall) | model load s | peak RSS MiB "
          "| x compromise (CPU / wall) | x wink-nlp (CPU / wall) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for run in runs:
        ratios = ["", ""]
        if run["tool"] == "storyline":
            ratios = [f"{ratio(run, other, 'words_per_cpu_s')} / "
                      f"{ratio(run, other, 'words_per_wall_s')}" for other in (compromise, wink)]
        print(f"| {run['tool']} | {run['pipeline']} | {run['words_per_cpu_s']:,} "
              f"| {run['words_per_wall_s']:,} | {run['load_s']:.3f} "
              f"| {run['peak_rss_kib'] / 1024:.0f} | {ratios[0]} | {ratios[1]} |")


def print_stages(stages):
    print("\nstoryline analyzer, CPU time by stage (one pass; parse is not part of analyze):\n")
    print("| stage | CPU s | share of analyze | words/s |")
    print("|---|---:|---:|---:|")
    for stage in stages:
        print(f"| {stage['stage']} | {stage['cpu_s']:.3f} | {stage['share_of_analyze']:.1%} "
              f"| {stage['words_per_cpu_s']:,} |")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    records = load(sys.argv[1])
    print_runs([r for r in records if "pipeline" in r])
    stages = [r for r in records if "stage" in r]
    if stages:
        print_stages(stages)


if __name__ == "__main__":
    main()
