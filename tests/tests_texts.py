"""Report texts written for the research tests (panel, plot, provenance): three places, report years
with gaps, a town credited to its county. Not taken from any real report."""
from __future__ import annotations

from pathlib import Path

__all__ = ["PANEL_TEXTS", "write_panel_reports"]

# 德清县 reports 2020 and 2022 (no 2021 report), 武侯区 2021 and 2023, 平遥县 2022 only.
PANEL_TEXTS = {
    "deqing-2020.txt": "德清县2020年法治政府建设情况报告\n2020年，德清县全面推进依法行政。\n"
                       "全县推行“企业安静期”制度，涉企检查次数同比下降20%。\n",
    "deqing-2022.txt": "德清县2022年法治政府建设情况报告\n2022年，德清县继续推进依法行政。\n"
                       "全县推行“双随机、一公开”监管，抽查企业120家。\n"
                       "德清县舞阳街道推行“枫桥经验”，化解矛盾纠纷30件。\n",
    "wuhou-2021.txt": "武侯区2021年法治政府建设工作报告\n2021年，武侯区落实法治政府建设要求。\n"
                      "深化“高效办成一件事”改革，线上办理率提升至80%。\n",
    "wuhou-2023.txt": "武侯区2023年法治政府建设工作报告\n2023年，武侯区推行“企业安静期”制度，群众满意率达98%。\n",
    "pingyao-2022.txt": "平遥县2022年法治政府建设情况报告\n平遥县推行“双随机、一公开”监管，出台《平遥县行政执法监督办法》。\n",
}


def write_panel_reports(folder: Path) -> Path:
    """Write PANEL_TEXTS into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PANEL_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
