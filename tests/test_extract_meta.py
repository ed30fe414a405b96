"""Title, kind, covered year and publication date."""
import pytest

from loaders.extract import meta
from loaders.text import Text


def _meta(body, page=None):
    return meta.extract(Text.make("t.txt", body, meta=page))


@pytest.mark.parametrize("body, title", [
    ("某区人民政府\n首页\n《德清县2022年度法治政府建设情况报告》\n发布日期：2023-02-01\n2022年，全县……。", "德清县2022年度法治政府建设情况报告"),
    ("第三版：要闻\n法治护航 发展提速\n佛山市南海区推进法治政府建设见实效\n本报讯 近年来，南海区……。", "佛山市南海区推进法治政府建设见实效"),
    ("2024年，某县坚持依法行政，各项工作取得积极成效，现将有关情况报告如下：\n一、主要举措", None),
    # a title broken over two lines under portal chrome (Hunan)
    ("株洲市人民政府门户网站\n首页 > 政务公开\n株洲市芦淞区2021年度法治政府\n建设情况报告\n2021年，全区……。",
     "株洲市芦淞区2021年度法治政府建设情况报告"),
    # an issuer line above 关于…的报告 (Inner Mongolia)
    ("达拉特旗人民政府\n关于法治政府建设情况的报告\n一年来，全旗……。", "达拉特旗人民政府关于法治政府建设情况的报告"),
    # an administrative office (行政公署) above 关于…的报告 (Inner Mongolia, a 盟)
    ("阿拉善盟行政公署\n关于2021年度法治政府建设情况的报告\n2021年，盟行署……。", "阿拉善盟行政公署关于2021年度法治政府建设情况的报告"),
    # a news lead paragraph without a full stop is not a headline (Hunan)
    ("本报讯（记者 李明）3月8日，记者从县司法局获悉，去年以来，宁乡市推进……", None),
    # a newspaper header with a date and edition, then a byline, before the headline (Fujian)
    ("闽南日报 2024年02月03日 星期六 第02版\n漳州市法治建设迈出新步伐\n本报记者 林海 通讯员 陈文\n本报讯 近日……。",
     "漳州市法治建设迈出新步伐"),
])
def test_title(body, title):
    assert _meta(body).title == title


def test_page_title_wins_over_a_kicker():
    body = "依法行政 优化服务\n我市法治政府建设再上新台阶\n本报讯 近日，全市……。"
    assert _meta(body, {"title": "我市法治政府建设再上新台阶"}).title == "我市法治政府建设再上新台阶"


@pytest.mark.parametrize("body, kind", [
    ("成都市2021年法治政府建设情况报告\n2021年，全市……。", "government-report"),
    ("2024年，某县坚持依法行政，现将有关情况报告如下：\n一、主要举措", "government-report"),
    ("2023年，某市推进改革。\n一、主要成效\n二、存在的问题\n三、下一步工作打算", "government-report"),
    ("第一版：要闻\n温州市深化法治政府建设\n本报讯（记者 王明）近日，温州市……。", "news-article"),
    ("近年来，我市推进依法行政，成效明显，群众满意度持续提升，营商环境不断优化提升。（张三 李四）", "news-article"),
    ("菜谱：西红柿炒鸡蛋，先把鸡蛋打散，再下锅翻炒，最后加入西红柿。", "other"),
])
def test_kind(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, year", [
    ("城区2020年度法治政府建设情况报告\n发布日期:2021-03-11\n  2020年，区政府……", 2020),
    ("2025年，泽州县委、县政府坚持依法行政。现将有关情况报告如下：", 2025),
    ("某市法治政府建设工作报告\n发布时间：2021-03-05\n一年来，全市……《法治政府建设实施纲要(2015-2020年)》……", 2020),
    ("第一版：要闻\n某市推进法治建设\n近年来，某市……2022年获评示范。\n过往期刊\n第2023-11-28期\n第2023-11-27期", 2023),
    ("近年来，我市深化改革。2024年以来，全市推进……。开展2024年宣传月活动。2019年曾获评。（王五）", 2024),
    # a newspaper piece printed in 2024 about the 2023 report (Guangdong)
    ("湛江市法治建设再上台阶\n发布时间：2024-02-18\n本报讯（记者 林海）《湛江市2023年度法治政府建设情况报告》公布。"
     "2023年，我市复议案件下降。", 2023),
    ("某市法治建设成效明显\n发布时间：2024-01-20\n本报讯（记者 王一）去年，我市办结复议案件300件，去年全市败诉率下降。", 2023),
    # no year in title or opening; the plans section's years are not the year covered (Guizhou)
    ("某县人民政府\n关于法治政府建设情况的报告\n发布日期：2022-03-01\n一年来，县政府依法行政，取得成效。" + "全县推进改革。" * 30
     + "2021年全县办理复议案件9件。\n三、2022年工作打算\n2022年，县政府将……力争2022年底前完成，2022年继续推进。", 2021),
    # a spring news piece about last year's work (去年以来), dated by its page header (Jiangxi)
    ("某某日报 2024年03月09日 星期六 第01版\n我市法治建设见成效\n本报讯（记者 张三）去年以来，我市……去年全市复议案件下降。", 2023),
    # an autumn news piece about this year's work keeps the publication year (Hebei)
    ("发布时间：2023-11-20\n某县打造法律服务圈\n本报讯（记者 王磊）今年以来，某县……去年曾获评。", 2023),
])
def test_year_is_the_year_covered(body, year):
    assert _meta(body).year == year


@pytest.mark.parametrize("body, page, published", [
    ("标题报告\n发布日期:2021-03-11\n正文", None, "2021-03-11"),
    ("标题报告\n发布时间：2023年5月6日 09:30\n正文", None, "2023-05-06"),
    ("某市推进法治建设\n2022年4月8日\n正文……", None, "2022-04-08"),
    ("标题报告\n正文", {"meta:article:published_time": "2024-01-15T08:00:00+08:00"}, "2024-01-15"),
    ("标题报告\n正文", {"meta:PubDate": "2020/12/03"}, "2020-12-03"),
    ("标题报告\n正文引用了2019年1月2日印发的《某办法》，于2019年3月1日起施行。", None, None),
    ("赣南日报　2024年03月09日　星期六　第01版：要闻\n标题\n本报讯 3月8日，记者获悉……", None, "2024-03-09"),
])
def test_published(body, page, published):
    assert _meta(body, page).published == published
