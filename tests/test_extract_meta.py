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
    # an e-paper's serial-number header, then a headline over its longer ——subtitle
    ("国内统一刊号：CN11-0001 某某日报社出版\n依法治县谱新篇\n——某县深入推进法治政府建设工作纪实\n近年来，某县……。",
     "依法治县谱新篇"),
    # a portal's comment widget under a headline printed with a stray space
    ("首页 > 新闻中心\n某区推进 法治政府建设\n0条评论立即评论\n分享\n本报讯 昨日，某区召开法治政府建设座谈会……。",
     "某区推进 法治政府建设"),
    # a department's name on its own line above a title that names no place
    ("某市交通运输局\n2021年度法治政府建设情况报告\n市人民政府：\n2021年，市交通运输局坚持依法行政……。",
     "某市交通运输局2021年度法治政府建设情况报告"),
    # a page that renders every block as a list item, a line-break tag left as text inside the title
    ("• 联系我们\n• 某省人民政府br关于2022年度法治政府建设情况的报告\n•  2022年，省政府坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。"
     "现将有关情况报告如下：", "某省人民政府关于2022年度法治政府建设情况的报告"),
    # a menu's items stay menu items
    ("• 某县2021年度法治政府建设情况报告\n• 某县2020年度法治政府建设情况报告\n• 联系我们\n近年来，某县……。", None),
    # a page that opens with the plan it carries, then the notice issuing it, then the plan again
    ("某省法治政府建设实施方案（2021—2025年）\n来源：某网 更新时间：2021-10-09\n"
     "某省人民政府关于印发《某省法治政府建设实施方案（2021—2025年）》的通知\n各市、县人民政府：\n现将方案印发给你们。\n"
     "某省法治政府建设实施方案（2021—2025年）\n为深入推进依法行政，制定本方案。", "某省法治政府建设实施方案（2021—2025年）"),
])
def test_title(body, title):
    assert _meta(body).title == title


_RESULTS_NOTICE = ("某市人民政府\n关于2022年度全市依法行政\n考核结果的通报\n各县（区）人民政府，市政府各部门：\n"
                   "根据考核办法，经综合评定，现将2022年度考核结果通报如下：\n一、优秀单位（3个）\n甲县、乙县、丙区")


def test_notice_of_results_is_a_title_and_not_a_report():
    m = _meta(_RESULTS_NOTICE)
    assert (m.title, m.kind, m.year) == ("某市人民政府关于2022年度全市依法行政考核结果的通报", "other", 2022)


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
    # a title-less feature on government work: no report's nor plan's evidence, so written about it
    ("五年来，全省司法行政系统坚持依法行政，法治政府建设步伐加快，政府立法质量不断提高，群众法治获得感持续增强。",
     "news-article"),
    ("党的十八大以来，省司法厅深入推进法治政府建设，从2014年起依法行政工作纳入省政府年度考评。", "news-article"),
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


# --- the page's own structure (issue 15): each case is one phenomenon, in our own words ---

@pytest.mark.parametrize("body, published", [
    # a newspaper dateline: paper, date and time on one line
    ("某县获评示范县\n某某法制报 2021-09-14 07:45 大字\n本报讯（王一）近日，某县……。", "2021-09-14"),
    # date and time first, then the source
    ("某市推进依法行政\n2019-11-02 10:05 来源: 某某日报\n本报讯 近年来……。", "2019-11-02"),
    # a source line that ends with the date and time
    ("某省人民政府关于2024年法治政府建设情况的报告\n来源:某某日报 2025-03-16 08:15\n2024年，省政府……。", "2025-03-16"),
    # a signed date line under the title: the portal's name and a date
    ("关于某报告的政策解读\n某县人民政府 2024年01月08日\n按照要求……。", "2024-01-08"),
    # a metadata table with pipes: the publication date, not the written date
    ("成文日期 | 2022-06-13 | 发布日期 | 2022-06-30 |\n标 题 | 某市关于印发某方案的通知 |\n各县区：……", "2022-06-30"),
    # bracketed metadata rows
    ("[ 发布机构 ] 某乡人民政府 [ 有效性 ]\n[ 成文日期 ] 2024-01-22 [ 发布日期 ] 2024-02-10\n某乡2023年法治政府建设情况报告", "2024-02-10"),
    # labelled rows where the written date comes first
    ("发布机构: 某区政府办公室 成文日期: 2020-05-21\n名称: 某区依法行政工作要点\n发布日期: 2020-05-26\n正文", "2020-05-26"),
    # the portal's clock at the top of every page is not the article's date
    ("今天是:2018年10月31日 星期三 农历九月廿三\n某区2019年法治政府建设情况报告\n更新时间:2020/03/29 11:30:01\n正文",
     "2020-03-29"),
    ("某区人民政府 2018年12月3日星期一\n某区2019年度法治政府建设情况报告\n2019年，全区……。", None),
    # a bulleted metadata list without labels: index number, topic, then the date as an item of its own
    ("首页 > 信息公开\n  • 000000/2021-00012\n  • 工作报告\n  • 2021-03-18\n某镇2020年法治政府建设工作报告\n2020年，全镇……。",
     "2021-03-18"),
    # 发布时间 run on into its date (no colon, no space) after a written date with a colon
    ("某镇2023年法治政府建设工作报告\n成文日期：2023-12-20\n发布时间2025-09-05\n2023年，全镇……。", "2025-09-05"),
    ("某镇2017年法治政府建设工作报告\n发布时间 2017-12-13 浏览次数：120\n2017年，全镇……。", "2017-12-13"),
    # an e-paper's source line: the paper, a date without a time, the page
    ("某市推进依法行政\n来源:某某日报     2025年11月05日        版次:A01    作者:\n本报讯 11月4日，……。", "2025-11-05"),
])
def test_published_from_page_structure(body, published):
    assert _meta(body).published == published


@pytest.mark.parametrize("body, title", [
    # the title row of a metadata table, without its pipes
    ("索 引 号 | 0001/2022-01 | 主题分类 | 综合 |\n标 题 | 某市人民政府关于印发某实施方案的通知 |\n各县区：……",
     "某市人民政府关于印发某实施方案的通知"),
    # a labelled title with spaces inside the label
    ("名  称: 2022年某开发区法治政府建设情况报告\n索引号: 0002\n正文……", "2022年某开发区法治政府建设情况报告"),
    # a site's watermark glued to a title that runs on into the body on one line
    ("某某之家—资料每日更新www.example.com某省人民政府关于2022年度法治政府建设情况的报告2022年，省政府坚持依法行政，"
     "成效明显。二是压实第一某某之家—资料每日更新www.example.com责任人职责。", "某省人民政府关于2022年度法治政府建设情况的报告"),
    # a menu entry (工作报告) and a breadcrumb above the real title
    ("工作报告\n您所在的位置:政务公开 > 工作报告\n2019年某区法治政府建设情况报告\n文章来源:司法局\n2019年，某区……。",
     "2019年某区法治政府建设情况报告"),
    # a metadata row that ends in a genre word is not a title
    ("[ 主题分类 ] 司法 [ 体裁分类 ] 工作报告\n某乡人民政府2023年法治政府建设情况报告\n2023年，乡党委……。",
     "某乡人民政府2023年法治政府建设情况报告"),
    # a column tag before the title
    ("【政策解读】关于《某县2023年度工作总结的报告》的政策解读\n某县人民政府 2024年01月08日\n……",
     "关于《某县2023年度工作总结的报告》的政策解读"),
    # a kicker above the main headline, both as long: the main headline comes second
    ("现代某报\n2020年08月25日 星期二\n全国首批法治示范市\n某市再获国家级名片\n近日，某市成功入选。", "某市再获国家级名片"),
    # a document number before the bracketed title it numbers
    ("某政办发〔2016〕26号《某市人民政府办公厅关于印发〈某市2016年政务公开工作要点〉的通知》\n各区人民政府：……",
     "某市人民政府办公厅关于印发〈某市2016年政务公开工作要点〉的通知"),
    # a kicker that ends in the speaker's verb, above a headline of spaced phrases
    ("某某率队调研2025年依法行政工作时强调\n凝聚合力 共同推动某市法治建设再上新台阶\n来源:某某日报 2025年11月05日\n本报讯……。",
     "凝聚合力 共同推动某市法治建设再上新台阶"),
    # a link line above a news headline
    ("https://www.example.gov.cn/\n某市法治政府评估排名跃升\n2016-12-09 09:01 来源: 某某日报\n日前，……。", "某市法治政府评估排名跃升"),
])
def test_title_from_page_structure(body, title):
    assert _meta(body).title == title


@pytest.mark.parametrize("body, kind", [
    # a report body without 现将…报告如下: a year-led opening and numbered sections
    ("2022年，某省坚持以习近平法治思想为指导，扎实推进法治政府建设，取得新成效。\n一、坚持党的领导\n（一）强化理论学习。……", "government-report"),
    ("2021年，我县深入推进依法行政，各项工作有序开展，法治政府建设迈上新台阶。\n一、2021年推进法治政府建设情况\n"
     "(一)深化放管服改革\n1.优化机构。……", "government-report"),
    # a notice that issues a work plan
    ("某县人民政府办公室\n关于印发某县2020年度法治政府建设工作安排的通知\n各乡镇：《某县2020年度法治政府建设工作安排》"
     "已经县政府同意，现印发给你们，请认真贯彻执行。", "other"),
    # a policy interpretation of a report
    ("【政策解读】关于《某县2023年度法治政府建设工作总结的报告》的政策解读\n按照要求，现解读如下：\n一、起草背景", "other"),
    # news about a report: the headline ends in 报告 but the lead opens with a date and an editor signs
    ("某州人大常委会审议某州政府2020年法治政府建设工作情况报告\n发布日期:2021-05-19 来源:某州司法局 编辑:某州司法局\n"
     "4月26日，州人大常委会第三十六次会议听取和审议了州人民政府关于2020年度法治政府建设情况的报告。", "news-article"),
    ("本网讯（李四）5月6日，某县法治政府建设推进会召开。会议总结了2018年工作，并就2019年工作进行了安排部署。",
     "news-article"),
])
def test_kind_from_structure(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, year", [
    # a 2021 piece that recalls a 2008 milestone covers 2021
    ("某县成全省示范试点县\n某某法制报 2021-09-14 07:45\n本报讯 近日，某县被确定为试点县。"
     "某县法治建设基础较好，2008年某县率先列入全国法治示范县创建行列。", 2021),
    # undated news: the latest year it names that is not a goal (到2020年 / 2020年基本建成)
    ("本网讯（李四）5月6日，某县法治政府建设推进会召开，总结了2018年全县工作，并就2019年工作进行了安排部署。"
     "会议要求紧紧围绕2020年基本建成法治政府的目标任务。", 2019),
    # 截至 is not a goal
    ("（记者 王五）3月30日，某省法治政府建设报告出炉。截至2020年底，实施方案中明确的152项任务全部完成。", 2020),
])
def test_news_year_is_the_year_it_covers(body, year):
    assert _meta(body).year == year


def test_traditional_script_page_reads_like_a_simplified_one():
    body = "某某區2022年法治政府建設情況報告\n2022年，區政府堅持依法行政。現將有關情況報告如下：\n一、主要舉措和成效"
    m = _meta(body)
    assert (m.title, m.kind, m.year) == ("某某区2022年法治政府建设情况报告", "government-report", 2022)


@pytest.mark.parametrize("body, year", [
    # a headline naming a goal year (2020年基本建成) takes its year from the date, not the goal
    ("某省要求如期实现2020年基本建成法治政府目标\n发布时间：2018-05-02\n本报讯（记者 王一）近日，某省召开法治政府建设"
     "推进会，要求各地加快推进，确保如期完成目标任务。", 2018),
    # 在2023年度 in a headline names the year covered, not a goal
    ("某县在2023年度法治政府建设考核中获评优秀\n发布时间：2024-03-02\n本报讯（记者 王一）近日，某县获评优秀等次，"
     "全县上下备受鼓舞，继续推进各项工作。", 2023),
    # 关于2022年…的报告 is the year reported on, not a goal (于2022年)
    ("本网讯（李四）近日，某县召开会议，听取了县政府关于2022年法治政府建设工作的报告，会议指出，要认真总结经验，"
     "2019年曾获评示范县。", 2022),
])
def test_goal_years_are_not_the_year_covered(body, year):
    assert _meta(body).year == year


# --- titles broken inside a word, labels above the title (issue 15, page metadata) ---

@pytest.mark.parametrize("body, title", [
    # the head word split over two lines
    ("某市人民政府关于2018年度法治政府建设情况的报\n告\n2018年，市政府坚持依法行政。现将有关情况报告如下：",
     "某市人民政府关于2018年度法治政府建设情况的报告"),
    # a place name split over two lines (a district of Yinchuan)
    ("银川市兴庆\n区2019年法治政府建设情况报告\n2019年，区政府坚持依法行政，全区法治政府建设取得新成效。",
     "银川市兴庆区2019年法治政府建设情况报告"),
    # a line holding only the place's name above the rest of the title
    ("海北藏族自治州\n2018年法治政府建设情况报告\n2018年，州政府坚持依法行政，全州法治政府建设取得新成效。",
     "海北藏族自治州2018年法治政府建设情况报告"),
    # a bracketed column tag before the title
    ("[重要发布]某省2017年法治政府建设情况报告\n——副题说明本省法治建设进入新阶段暨某省2017年法治政府建设情况报告\n"
     "2017年以来，在党中央的坚强领导下，某省深入推进依法行政，法治政府建设取得新成效，现将有关情况报告如下。",
     "某省2017年法治政府建设情况报告"),
    # an aggregator's label of another year above the real title: the opening's year decides
    ("某县 2022 年法治政府建设工作总结\n某县2019年法治政府建设工作总结\n"
     "2019年，我县法治政府建设工作在市委、市政府的正确领导下，全面完成了各项目标任务，法治政府建设取得新成效。",
     "某县2019年法治政府建设工作总结"),
    # an e-paper page: the photo caption above the headline is not the headline
    ("第03版：要闻\n图为某市司法局工作人员在集市上开展普法宣传。 本报记者 马丽 摄\n某市推进法治政府建设见实效\n"
     "本报讯（记者 马丽）今年以来，某市坚持依法行政。", "某市推进法治政府建设见实效"),
    # 原标题 (the headline the piece first ran under) is not the page's headline
    ("原标题：让法治成为营商环境的金字招牌\n某市深化法治政府建设\n来源：某某日报 2019-06-12 08:30\n今年以来，某市……。",
     "某市深化法治政府建设"),
    # a news portal's widget (a bulleted list of other headlines with dates) above the headline
    ("首页 | 新闻 | 图片\n热点推荐\n· 某省召开政法工作会议 2025-01-02\n· 某市出台营商环境条例 2024-12-30\n"
     "某市法治政府建设综述\n2019-06-12 08:30:00 来源：某某新闻网\n今年以来，某市坚持依法行政。", "某市法治政府建设综述"),
    # a title headed 汇报 (a report to superiors)
    ("首页 > 信息公开\n某县2019年法治政府建设工作情况汇报\n一年来，县政府坚持依法行政。", "某县2019年法治政府建设工作情况汇报"),
])
def test_title_mended_and_labels_skipped(body, title):
    assert _meta(body).title == title


def test_report_opening_with_its_addressees_is_a_report():
    # no title, no 现将…报告如下, a lead with 日前: the addressee line says it is a report to superiors
    body = "市委、市政府：\n日前，区政府对一年来的依法行政工作进行了总结，各项工作有序推进，法治政府建设成效明显，群众满意度持续提升。"
    assert _meta(body).kind == "government-report"
    assert _meta(body.split("\n", 1)[1]).kind == "news-article"


def test_report_year_leaves_out_goals_and_comparison_bases():
    # no year in title or opening: the goal year (到2020年) and the base of comparisons (比2015年) are
    # named more often than the year covered
    body = ("某县人民政府\n关于法治政府建设情况的报告\n一年来，县政府围绕到2020年基本建成法治政府的目标，依法行政，取得成效。"
            "复议案件比2015年下降，诉讼案件比2015年减少。力争2020年前全面完成。2016年全县办理复议案件9件，"
            "2016年行政诉讼败诉率下降。")
    assert _meta(body).year == 2016


def test_news_on_a_draft_regulation_is_news_not_a_plan():
    body = ("某省行政执法监督办法（草案）公开征求意见\n本报讯（记者 张三）近日，省司法厅就《某省行政执法监督办法（草案）》"
            "公开征求意见。草案第一条规定：为了规范行政执法监督，制定本办法。\n（责任编辑：李四）")
    assert _meta(body).kind == "news-article"
    assert _meta("关于印发某县行政执法监督办法的通知\n各乡镇：\n为了规范行政执法监督，制定本办法。").kind == "other"


@pytest.mark.parametrize("body, year", [
    # an undated news piece that names no year, only the period's first year
    ("某市法治政府建设迈出新步伐\n本报讯（记者 王一）今年是“十四五”开局之年，某市坚持依法行政，全市复议案件下降。", 2021),
    # … or an anniversary of this year, beside an older year named in passing
    ("某县开展法治宣传\n本报讯（记者 王一）在庆祝新中国成立七十周年之际，某县开展普法活动，该县2016年曾获评先进。", 2019),
    # a look back over a whole five-year period speaks from its last year
    ("回望五年 法治建设结硕果\n“十三五”这五年，全省法治政府建设成效显著，政府立法质量不断提高。", 2020),
    # a run of years told in order ends in the year it tells of; 于…年…月 dates an event, not a goal
    ("本报讯 党的十八大以来，省司法厅推进依法行政。从2014年起纳入考评；2015年，设立专项组；2016年，印发规划；"
     "并于2017年9月至10月开展专项督察，到2020年基本建成法治政府。", 2017),
    # the year a press conference reviews, named twice, over the year of its plans named once
    ("某省召开法治政府建设新闻发布会\n本报讯 5月12日，某省召开新闻发布会，介绍2019年全省法治政府建设进展情况。"
     "2019年，全省办理复议案件900件，2019年办结率提高。2020年，全省将继续推进依法行政。", 2019),
])
def test_year_of_an_undated_news_piece_from_its_period(body, year):
    assert _meta(body).year == year


def test_addressees_run_on_into_the_opening_leave_its_year_first():
    body = ("国务院：2019年，我省全面推进依法行政，法治政府建设取得新成效，2018年曾获评示范，2018年全省复议案件下降，"
            "2018年办结案件。现将有关情况报告如下：\n一、主要举措")
    assert _meta(body).year == 2019


def test_publication_date_in_the_footer_beats_a_written_date_above():
    body = ("某镇2023年法治政府建设工作报告\n成文日期：2023-12-20\n" + "2023年，全镇推进改革，成效明显。\n" * 80
            + "发布时间：2025-09-05 浏览次数：3")
    assert _meta(body).published == "2025-09-05"


@pytest.mark.parametrize("body", [
    "某县二〇一九年法治政府建设工作报告\n一年来，县政府坚持依法行政，全县法治政府建设取得新成效。现将有关情况报告如下：",
    "二〇一九年，县政府坚持依法行政，全县法治政府建设取得新成效，各项工作有序推进。现将有关情况报告如下：",
])
def test_year_written_in_chinese_digits(body):
    assert _meta(body).year == 2019


def test_undated_mid_year_report_that_speaks_of_this_year_is_this_years():
    body = ("某县法治政府建设工作情况汇报\n发布日期：2021-06-20\n今年以来，县政府坚持依法行政，各项工作有序推进。"
            "今年上半年全县办理复议案件9件。现将有关情况报告如下：")
    assert _meta(body).year == 2021
    assert _meta(body.replace("今年", "一年来")).year == 2020


def test_a_long_line_of_listed_bodies_without_a_colon_is_no_addressee_line():
    """Parts after a separator hold no separator, so a line of prose that lists bodies with 、 and never
    reaches a colon is refused at once (the earlier pattern backtracked exponentially: 320 characters
    took over a minute, a report written on one line never finished)."""
    from loaders.extract.page import addressee_line
    line = "、".join(["示例县政府工作部门"] * 400)
    assert addressee_line(line) is None
    assert addressee_line("县政府、" * 3 + "县委：\n正文")[2][-1] == ("county", "committee")


@pytest.mark.parametrize("body, kind", [
    # a list put up for public comment: its title's head word, or without a title its formula
    ("某省依法治省办关于全省法治政府建设示范单位拟命名名单的公示\n经评审，确定了拟命名名单，现将名单予以公示。", "other"),
    ("经过初审、评估和实地核查，确定了拟命名的示范地区名单。现将名单公示，接受社会监督。\n公示时间：2024年5月6日至5月12日",
     "other"),
    # the body of a decision that names model areas, without its title
    ("为树立先进典型，经评审，经报领导小组批准，决定对某市等10个地区予以命名。各地要加强宣传，推动法治政府建设再上新台阶。"
     "获得命名的地区要将命名作为新起点，持续推进依法行政。", "other"),
    # a news lead that carries a plan's full text: the body is the plan
    ("近日，某市委、市政府印发了《某市法治政府建设实施方案》，主要内容如下。\n为全面建设法治政府，结合我市实际，"
     "制定本实施方案。\n一、总体要求\n（一）指导思想", "other"),
    # a district's opinions addressed to its townships
    ("各镇人民政府，区政府各部门：\n为全面推进依法行政，加快法治政府建设步伐，现结合我区实际，提出以下意见。\n一、充分认识重要意义",
     "other"),
    # pinyin glosses after characters do not hide a plan's formula
    ("近日，国务(wù)院印发(fā)了某纲要(yào)。全文如下。\n为持续推进(jìn)依法行政，根据实际，制定本纲(gāng)要。\n一、总体要求",
     "other"),
    # a department's report without title, formula or numbered sections: a year-led opening
    ("2022年，某部坚持依法行政，深入贯彻法治政府建设实施纲要，扎实推进法治政府建设，各项工作取得重要进展和成效。\n"
     "部党组先后召开多次会议，学习贯彻法治思想。", "government-report"),
    # the same opening under a news headline, with a byline, stays news
    ("某部扎实推进法治政府建设\n2022年，某部坚持依法行政，深入贯彻法治政府建设实施纲要，扎实推进法治政府建设，各项工作取得进展。"
     "\n（记者 王明 通讯员 李华）", "news-article"),
])
def test_kind_of_notices_decisions_and_untitled_reports(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, kind", [
    # a report titled …情况 (no 报告), numbered sections without subsections or a year-led opening
    ("某省2019年度法治政府建设情况\n一、加强组织领导\n健全领导体制，省委调整领导小组。\n二、依法履行职能\n取消许可事项20项。",
     "government-report"),
    # a headline with a news verb that ends in 情况 is still news
    ("某县召开会议通报法治政府建设情况\n会议听取各部门汇报，部署下一阶段工作。\n（记者 王明）", "news-article"),
])
def test_kind_of_a_title_ending_in_state(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, kind", [
    # a yearbook's entry: run-in headings in 【】 open its paragraphs
    ("法治政府建设\n【概况】2019年，市政府坚持依法行政，全年审查规范性文件30件。\n【行政复议】全年受理复议申请120件，审结110件。",
     "other"),
    # one 【】 kicker over a news piece, and a portal's 【打印】【关闭】 row, are no yearbook
    ("【法治动态】某县召开法治政府建设推进会\n本报讯（记者 王明）5月6日，某县召开推进会，部署全年工作，要求各部门依法行政。",
     "news-article"),
    ("首页 > 政务公开\n【字体：大 中 小】【打印】【关闭】\n【来源：某县司法局】发布时间：2023-03-01\n某县2022年度法治政府建设情况报告\n"
     "2022年，某县坚持依法行政。现将有关情况报告如下：\n一、主要举措", "government-report"),
    # a results notice printed on an e-paper page: the page number is no news cue against the notice
    ("某日报 2023年5月6日 第A3版\n某市人民政府关于2022年度法治政府建设考核结果的通报\n各县（区）人民政府：\n"
     "根据考核办法，现将考核结果通报如下：\n一、优秀等次（5个）", "other"),
    # a work plan without its title: a plan's section headings, or its 总体要求是 sentence
    ("为全面推进依法行政，结合本县实际，安排如下。\n一、指导思想\n坚持依法行政。\n二、主要任务\n（一）深化改革。\n三、保障措施\n加强领导。",
     "other"),
    ("2023年全市法治政府建设工作的总体要求是：坚持依法行政，加快建设法治政府。\n一、加强党的领导\n（一）深入学习。\n"
     "二、健全政府职能\n（一）深化改革。", "other"),
    # a work plan without its title: its purpose clause (制定本计划)
    ("为深入推进依法行政，根据《法治政府建设实施纲要(2021—2025年)》精神，结合本区实际，制定本计划。\n一、健全政府机构职能体系\n（一）推进职能转变。",
     "other"),
    # an appeal to the public (倡议书): a notice's genre
    ("创建全国法治政府建设示范市倡议书\n全市广大干部群众：\n为加快建设法治政府，我们发出如下倡议：\n一、争做法治的宣传者\n二、争做法治的践行者",
     "other"),
    # television news
    ("本台消息 近年来，某县坚持依法行政，法治政府建设取得明显成效，群众满意度持续提升。县司法局负责人介绍，今年共审查文件30件。",
     "news-article"),
])
def test_kind_of_yearbooks_epaper_notices_plans_and_tv(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, title", [
    # an issuer before the title in the page's headline, the bare title printed again above the body
    ("某省依法治省办:关于第二批法治政府建设示范单位命名的决定\n• 信息来源:某报\n• 发布日期:2022-01-05\n"
     "关于第二批法治政府建设示范单位命名的决定\n为树立先进典型，决定对某市等10个地区予以命名。", "关于第二批法治政府建设示范单位命名的决定"),
    # without the bare title again, the headline stays whole
    ("某省依法治省办:关于第二批法治政府建设示范单位命名的决定\n• 信息来源:某报\n为树立先进典型，决定对某市等10个地区予以命名。",
     "某省依法治省办:关于第二批法治政府建设示范单位命名的决定"),
])
def test_title_without_the_issuer_the_headline_puts_before_it(body, title):
    assert _meta(body).title == title


@pytest.mark.parametrize("body, year", [
    # a plan carried without its title: the first year of the period it is for
    ("近日，某市印发了《某市法治政府建设实施方案（2021—2025年）》，主要内容如下。\n为全面建设法治政府，制定本实施方案。\n"
     "一、总体要求\n坚持依法行政。", 2021),
])
def test_year_of_a_plan_for_a_period(body, year):
    assert _meta(body).year == year


@pytest.mark.parametrize("body, kind", [
    # a results notice without its title: 现将…通报如下
    ("根据考核办法，经综合评定，现将2022年度全市法治政府建设考核结果通报如下：\n一、优秀等次（5个）\n甲县、乙县、丙区", "other"),
    # news under a headline with a news verb quotes a decision's formula: still news
    ("某县入选第二批全国法治政府建设示范地区\n近日，中央依法治国办印发通知，决定对第二批全国法治政府建设示范地区和项目予以命名，"
     "某县名列其中。这是该县坚持依法行政的成果。", "news-article"),
    # a report a newspaper prints in full stays a report
    ("本报讯 近日，某市公布了2022年度法治政府建设情况报告。全文如下：\n2022年，某市坚持依法行政，法治政府建设取得新成效。"
     "现将有关情况报告如下：\n一、主要举措\n（一）加强领导。", "government-report"),
])
def test_kind_of_formulas_quoted_or_carried(body, kind):
    assert _meta(body).kind == kind


@pytest.mark.parametrize("body, kind", [
    # a yearbook's page named in its head, with plain headings instead of 【】
    ("某市年鉴2020 > 政治 > 政府工作\n法治政府建设\n概况\n2019年，市政府坚持依法行政，全年共审查规范性文件32件，办理复议案件118件。\n"
     "行政复议\n全年受理行政复议申请126件。", "other"),
    # a television report's transcript
    ("某县：依法行政惠民生\n近年来，某县坚持依法行政，推动法治政府建设不断深入，群众满意度持续提升，政务服务全部网上办理。\n"
     "（同期声）县司法局局长 王明：我们将继续推进。", "news-article"),
])
def test_kind_of_yearbook_pages_and_tv_transcripts(body, kind):
    assert _meta(body).kind == kind


def test_a_yearbook_volume_reports_on_the_year_before():
    """2022卷 over long run-in headings: a yearbook's entry (kind other) about 2021."""
    body = ("2022卷\n【加强党对法治政府建设的全面领导】 某省把法治政府建设纳入党委常委会年度工作要点，召开专题会议部署重点工作。\n"
            "【服务型政府建设】 深化放管服改革，政务服务事项全部进驻大厅。")
    meta = _meta(body)
    assert (meta.kind, meta.year) == ("other", 2021)


def test_an_undated_notice_is_of_the_year_it_is_published():
    body = "创建全国法治政府建设示范市倡议书\n发布日期：2021-05-28\n全市广大干部群众：\n为加快建设法治政府，我们发出如下倡议：\n一、争做法治的宣传者"
    meta = _meta(body)
    assert (meta.kind, meta.year) == ("other", 2021)


def test_a_day_first_dateline_dates_the_page():
    body = "某市2017年推进法治政府建设情况报告\n\n21.12.2017  21:39\n\n2017年，我市紧紧围绕纲要推进法治政府建设。现报告如下：\n一、主要做法"
    assert _meta(body).published == "2017-12-21"
