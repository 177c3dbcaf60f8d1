#!/usr/bin/env python3
"""Connects a GradBench eval and a tool as GradBench's `gradbench run` does (which needs Rust and Docker,
not available here): every eval message goes to the tool and the tool's reply back to the eval.

Writes the session log (GradBench's {"elapsed", "message"} / {"elapsed", "response"} lines) and a summary:
the define reply (with the tool's timings) and, per evaluate, the tool's timings and GradBench's verdict.
Exit status 0 only when the tool defined the module and every evaluation succeeded and validated.

Usage: driver.py --cwd GRADBENCH --eval CMD --tool CMD --log FILE --summary FILE [--eval-env K=V] [--tool-env K=V]
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


def main():
    ap = argparse.ArgumentParser()
    for name in ("--cwd", "--eval", "--tool", "--log", "--summary"):
        ap.add_argument(name, required=True)
    ap.add_argument("--eval-env", action="append", default=[])
    ap.add_argument("--tool-env", action="append", default=[])
    args = ap.parse_args()

    evaluator = spawn(args.eval, args.cwd, args.eval_env)
    tool = spawn(args.tool, args.cwd, args.tool_env)
    start = time.monotonic_ns()
    summary = {"eval": args.eval, "tool": args.tool, "define": None, "evaluations": [], "outcome": "success"}
    by_id = {}
    with open(args.log, "w") as log:
        def record(key, obj):
            log.write(json.dumps({"elapsed": {"nanoseconds": time.monotonic_ns() - start}, key: obj}) + "\n")

        for line in evaluator.stdout:
            message = json.loads(line)
            record("message", message)
            if message.get("kind") == "end":
                break
            sent = time.monotonic_ns()
            tool.stdin.write(line if line.endswith("\n") else line + "\n")
            tool.stdin.flush()
            reply = tool.stdout.readline()
            wall = time.monotonic_ns() - sent
            if not reply:
                summary["outcome"] = "tool closed its output"
                break
            response = json.loads(reply)
            record("response", response)
            kind = message.get("kind")
            if kind == "define":
                summary["define"] = {k: response.get(k) for k in ("success", "error", "timings")} | {"wall_ns": wall}
                print(f"define {message.get('module')}: {'ok' if response.get('success') else 'FAILED'} "
                      f"({wall / 1e9:.2f} s) {response.get('error') or ''}", file=sys.stderr)
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
                    print(f"{entry['description']} {entry['function']}: FAILED {entry['error']}", file=sys.stderr)
            elif kind == "analysis" and message.get("of") in by_id:
                entry = by_id[message["of"]]
                entry["valid"], entry["validation_error"] = message["valid"], message.get("error")
                ns = entry["evaluate_ns"]
                print(f"{entry['description']:28s} {entry['function']:9s} min {min(ns) / 1e6:10.3f} ms x{len(ns):<4d} "
                      f"{'valid' if message['valid'] else 'INVALID'}", file=sys.stderr)
                if not message["valid"]:
                    summary["outcome"] = "invalid"
                    print(message.get("error"), file=sys.stderr)
            evaluator.stdin.write(reply if reply.endswith("\n") else reply + "\n")
            evaluator.stdin.flush()
    for process in (evaluator, tool):
        try:
            process.stdin.close()
        except BrokenPipeError:
            pass
        process.wait()
    unanswered = [e for e in summary["evaluations"] if e["success"] and e["valid"] is None]
    if summary["outcome"] == "success" and (unanswered or not summary["evaluations"]):
        summary["outcome"] = "not validated"
    summary["eval_rc"], summary["tool_rc"] = evaluator.returncode, tool.returncode
    with open(args.summary, "w") as f:
        json.dump(summary, f, indent=1)
    print(f"outcome: {summary['outcome']}", file=sys.stderr)
    sys.exit(0 if summary["outcome"] == "success" else 1)


if __name__ == "__main__":
    main()
