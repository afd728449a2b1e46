"""Check a built wheel: every file of the package is in it, and nothing else.

Usage: python .ci/check_wheel.py dist/netmap-*.whl

"Every file of the package" is every file git tracks under src/netmap
(the modules, the 2x5 sample, the Excel template, the report's templates
and style sheet, py.typed); "nothing else" means no test, notebook,
document or tool, only the package and its .dist-info. Exits 1, naming
the files, when the wheel differs.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(wheel: str) -> int:
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "src/netmap"],
                             capture_output=True, text=True, check=True).stdout.split()
    wanted = {p.removeprefix("src/") for p in tracked}
    missing = sorted(wanted - names)
    package = {n for n in names if not n.split("/")[0].endswith(".dist-info")}
    extra = sorted(package - wanted)
    for must in ("netmap/py.typed", "netmap/_data/samples/2x5/actors.csv",
                 "netmap/_data/templates/netmap-template.xlsx",
                 "netmap/reporting/templates/report.css"):
        if must not in names:
            missing.append(must)
    if missing or extra:
        print(f"check_wheel: {wheel}", file=sys.stderr)
        for name in missing:
            print(f"  missing from the wheel: {name}", file=sys.stderr)
        for name in extra:
            print(f"  in the wheel but not in the package: {name}", file=sys.stderr)
        return 1
    print(f"check_wheel: {Path(wheel).name} holds the {len(wanted)} files of the package "
          "and nothing else")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
