"""Run every notebook in `nbs/` as a pytest test, with nbdev's own runner (`nbdev.test.test_nb`).

`nbdev_test` prints only "Success."; going through pytest gives a per-notebook result and the
"N passed" summary line. Cells flagged with `settings.ini`'s `tst_flags` (e.g. `#| notest`) are skipped,
exactly as `nbdev_test` does. Run: `pytest` (or `pytest -k 01_teacher` for one notebook).
"""
import os, pytest
from pathlib import Path
from nbdev.config import get_config
from nbdev.test import test_nb

def pytest_addoption(parser):
    parser.addoption("--nb-flags", default="", help="space-separated `tst_flags` to run anyway, as `nbdev_test --flags`")

_MADE = []  # the run folder this session made, if it made one

def pytest_configure(config):
    "One fresh run folder per test session, shared by the notebooks: each reuses what the earlier ones made"
    if not os.environ.get("INTENT_OPTIM_RUN"):
        import tempfile
        os.environ["INTENT_OPTIM_RUN"] = tempfile.mkdtemp(prefix="intent_optim_test_run_")
        _MADE.append(os.environ["INTENT_OPTIM_RUN"])

def pytest_unconfigure(config):
    "Remove the run folder this session made (about 4 GB of test-mode models); one set by the caller is kept"
    import shutil
    for d in _MADE: shutil.rmtree(d, ignore_errors=True)

def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".ipynb" and file_path.parent.name == "nbs" and not file_path.name.startswith(("_", ".")):
        return NotebookFile.from_parent(parent, path=file_path)

class NotebookFile(pytest.File):
    def collect(self): yield NotebookItem.from_parent(self, name=self.path.stem)

class NotebookItem(pytest.Item):
    def runtest(self):
        skip = get_config().get("tst_flags", "").split()
        force = self.config.getoption("nb_flags").split()
        os.environ["IN_TEST"] = "1"
        ok, secs = test_nb(self.path, skip_flags=skip, force_flags=force, do_print=False)
        self.add_report_section("call", "time", f"{secs:.1f}s")
        if not ok: raise NotebookFailed(self.path.name)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookFailed): return f"notebook {excinfo.value} failed: see the traceback printed above"
        return super().repr_failure(excinfo)

    def reportinfo(self): return self.path, 0, f"notebook {self.path.name}"

class NotebookFailed(Exception): pass
