#!/usr/bin/env python3
"""Connects a GradBench eval to one or more tools as GradBench's `gradbench run` does (that command needs
Rust and Docker, which this machine lacks): every eval message goes to the tool, the tool's reply back.

With several tools, each gets its own eval process (the evals send the same messages in the same order) and
the sessions advance in lockstep, one evaluate message at a time, the first tool rotating each round: every
data file is timed for all tools close together, and each tool is defined (compiled) once. Idle processes
wait on their input and take no CPU.

Per tool it writes the session log (GradBench's {"elapsed", "message"} / {"elapsed", "response"} lines) and a
summary: the define reply (with the tool's timings) and, per evaluate, the tool's timings and the eval's
verdict. Exit status 0 only when every tool defined the module and every evaluation succeeded and validated.

Usage: driver.py --cwd GRADBENCH --eval CMD --tool NAME=CMD [--tool NAME=CMD ...] --out DIR
                 [--eval-env K=V ...] [--tool-env K=V ...]
Writes DIR/NAME.jsonl and DIR/NAME.summary.json.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def spawn(command, cwd, assignments):
    env = dict(os.environ, **dict(a.split("=", 1) for a in assignments))
    return subprocess.Popen(command, shell=True, cwd=cwd, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1)


def send(process, line):
    process.stdin.write(line if line.endswith("\n") else line + "\n")
    process.stdin.flush()


def session(name, args, summary, log):
    """Relays one eval/tool pair; yields before each evaluate message after the first (a round boundary)."""
    evaluator = spawn(args.eval, args.cwd, args.eval_env)
    tool = spawn(args.tool_command[name], args.cwd, args.tool_env)
    start = time.monotonic_ns()
    by_id = {}
    seen_evaluate = False

    def record(key, obj):
        log.write(json.dumps({"elapsed": {"nanoseconds": time.monotonic_ns() - start}, key: obj}) + "\n")
        log.flush()

    try:
        for line in evaluator.stdout:
            message = json.loads(line)
            kind = message.get("kind")
            if kind == "evaluate":
                if seen_evaluate:
                    yield
                seen_evaluate = True
            record("message", message)
            if kind == "end":
                break
            sent = time.monotonic_ns()
            send(tool, line)
            reply = tool.stdout.readline()
            wall = time.monotonic_ns() - sent
            if not reply:
                summary["outcome"] = "tool closed its output"
                break
            response = json.loads(reply)
            record("response", response)
            if kind == "define":
                summary["define"] = {k: response.get(k) for k in ("success", "error", "timings")} | {"wall_ns": wall}
                print(f"{name:9s} define {message.get('module')}: {'ok' if response.get('success') else 'FAILED'} "
                      f"({wall / 1e9:.2f} s) {response.get('error') or ''}", file=sys.stderr, flush=True)
                if not response.get("success"):
                    summary["outcome"] = "undefined"
            elif kind == "evaluate":
                timings = response.get("timings") or []
                entry = {"id": message["id"], "function": message["function"], "description": message.get("description"),
                         "success": response.get("success"), "error": response.get("error"),
                         "evaluate_ns": [t["nanoseconds"] for t in timings if t["name"] == "evaluate"],
                         "prepare_ns": sum(t["nanoseconds"] for t in timings if t["name"] == "prepare"),
                         "wall_ns": wall, "valid": None, "validation_error": None}
                summary["evaluations"].append(entry)
                by_id[message["id"]] = entry
                if not response.get("success"):
                    summary["outcome"] = "failure"
                    print(f"{name:9s} {entry['description']} {entry['function']}: FAILED {entry['error']}", file=sys.stderr, flush=True)
            elif kind == "analysis" and message.get("of") in by_id:
                entry = by_id[message["of"]]
                entry["valid"], entry["validation_error"] = message["valid"], message.get("error")
                ns = sorted(entry["evaluate_ns"])
                print(f"{name:9s} {entry['description']:26s} {entry['function']:9s} min {ns[0] / 1e6:10.3f} ms "
                      f"median {ns[len(ns) // 2] / 1e6:10.3f} ms x{len(ns):<5d} {'valid' if message['valid'] else 'INVALID'}",
                      file=sys.stderr, flush=True)
                if not message["valid"]:
                    summary["outcome"] = "invalid"
                    print(message.get("error"), file=sys.stderr, flush=True)
            send(evaluator, reply)
    finally:
        for process in (evaluator, tool):
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass
            process.wait()
        summary["eval_rc"], summary["tool_rc"] = evaluator.returncode, tool.returncode
    if summary["outcome"] == "success" and (not summary["evaluations"] or
                                            any(e["success"] and e["valid"] is None for e in summary["evaluations"])):
        summary["outcome"] = "not validated"


def main():
    ap = argparse.ArgumentParser()
    for name in ("--cwd", "--eval", "--out"):
        ap.add_argument(name, required=True)
    ap.add_argument("--tool", action="append", required=True, help="NAME=COMMAND")
    ap.add_argument("--eval-env", action="append", default=[])
    ap.add_argument("--tool-env", action="append", default=[])
    args = ap.parse_args()
    args.tool_command = dict(t.split("=", 1) for t in args.tool)
    os.makedirs(args.out, exist_ok=True)

    summaries, logs, sessions = {}, {}, {}
    for name in args.tool_command:
        summaries[name] = {"eval": args.eval, "tool": name, "command": args.tool_command[name], "define": None,
                           "evaluations": [], "outcome": "success"}
        logs[name] = open(os.path.join(args.out, f"{name}.jsonl"), "w")
        sessions[name] = session(name, args, summaries[name], logs[name])
    live = list(sessions)
    round_number = 0
    while live:
        order = live[round_number % len(live):] + live[:round_number % len(live)]
        for name in order:
            try:
                next(sessions[name])
            except StopIteration:
                live.remove(name)
        round_number += 1
    ok = True
    for name, summary in summaries.items():
        logs[name].close()
        with open(os.path.join(args.out, f"{name}.summary.json"), "w") as f:
            json.dump(summary, f, indent=1)
        print(f"{name:9s} outcome: {summary['outcome']}", file=sys.stderr)
        ok = ok and summary["outcome"] == "success"
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
