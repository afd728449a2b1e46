"""What a notebook does with an installed netmap, run as a script outside the repository.

The wheel job of .ci/run installs the wheel in a fresh environment, changes
to an empty folder and runs this: the bundled sample and template load
through the package, a measure, a plot, a report and a round trip through
every writer work, with no file of the source tree in reach.
"""

import tempfile
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import netmap  # noqa: E402
from netmap import plot  # noqa: E402

assert "site-packages" in netmap.__file__, netmap.__file__  # the wheel, not the source

m = netmap.datasets.load_2x5()
print(m)
print(netmap.mixing_matrix(m))
print(netmap.brokerage_summary(m).head())
template = netmap.datasets.template_file()
assert Path(template).is_file(), template

out = Path(tempfile.mkdtemp())
ax = plot.plot_map(m, lang="he")
ax.figure.savefig(out / "map-he.png")
netmap.report(m, out / "report.html", lang="he")
assert (out / "report.html").stat().st_size > 10_000
m.to_excel(out / "map.xlsx")
assert netmap.read_excel(out / "map.xlsx").equals(m)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", netmap.DataWarning)  # DL keeps ids and ties only
    netmap.write_dl(m, out / "map.dl")
    netmap.write_pajek(m, out / "map.net", partition=out / "map.clu")
back = netmap.read_pajek(out / "map.net", partition=out / "map.clu")
assert back.actors["sector"].equals(m.actors["sector"])
print(f"notebook check: netmap {netmap.__version__} from {netmap.__file__} works")
