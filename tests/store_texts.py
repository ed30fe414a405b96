"""Small report texts written for the store tests (not from any real report), and file helpers."""
from __future__ import annotations

from pathlib import Path

__all__ = ["REPORTS", "write_reports", "shared_dir", "seed_dir"]

REPORTS = {
    "deqing.txt": (
        "德清县2023年法治政府建设情况报告\n"
        "2023年，德清县深入贯彻《法治政府建设实施纲要（2021－2025年）》，全面推进依法行政。\n"
        "全县推行“企业安静期”制度，涉企检查次数同比下降27.5%。\n"
        "制定《德清县涉企行政检查规范办法》，联合检查占比达到65%。\n"),
    "wuhou.txt": (
        "武侯区2024年法治政府建设工作报告\n"
        "2024年，武侯区落实《法治政府建设实施纲要（2021—2025年）》。\n"
        "深化“高效办成一件事”改革，线上办理率提升至88%。\n"
        "推行“企业安静期”制度，群众满意率达98%。\n"),
    "pingyao.txt": (
        "平遥县2022年法治政府建设情况报告\n"
        "平遥县推行“企业安静期”制度，出台《平遥县行政执法监督办法》。\n"
        "行政复议纠错率下降3.2个百分点。\n"),
}


def write_reports(folder: Path, names: tuple[str, ...] | None = None) -> list[Path]:
    """Write the named texts (default: all) into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or tuple(REPORTS):
        path = folder / name
        path.write_text(REPORTS[name], encoding="utf-8")
        paths.append(path)
    return paths


def shared_dir() -> Path | None:
    """The project's `shared/` folder beside the repository (or beside the worktrees), if present."""
    repo = Path(__file__).resolve().parents[1]
    for base in (repo.parent, repo.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared"
    return None


def seed_dir() -> Path | None:
    """The seed corpus folder, if present."""
    shared = shared_dir()
    return shared / "corpus" / "seeds" if shared and (shared / "corpus" / "seeds").is_dir() else None
