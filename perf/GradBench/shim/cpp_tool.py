"""GradBench's cpp.py (the protocol side of its C++ tools), except that define runs `make` without -B:
the binary is built at the first define and reused while it is up to date, so a measurement that starts a
tool several times compiles it once. Usage: python3 cpp_tool.py TOOL (from GradBench's folder)."""
import subprocess

from gradbench import cpp


def define(*, args, module):
    try:
        subprocess.check_output(["make", "-C", f"tools/{args.tool}", f"bin/{module}",
                                 f"MULTITHREADED={'yes' if args.multithreaded else 'no'}"],
                                text=True, stderr=subprocess.STDOUT)
    except subprocess.CalledProcessError as e:
        return {"success": False, "error": f"{' '.join(e.cmd)} failed ({e.returncode}):\n{e.output}"}
    return {"success": True}


cpp.define = define
cpp.main()
