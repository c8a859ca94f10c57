"""Jurisdictions: the slug format (DESIGN section 3) and the place names that map to slugs.

A slug is ``cn`` for the country, ``cn-`` plus the ISO 3166-2:CN code for a province
(``cn-gd``), and a province's slug plus the pinyin for a city (``cn-gd-shenzhen``); Beijing
E-Town is the one zone followed (``cn-bj-etown``). Every province and the major cities are
recognised, not only those with declared targets. Districts, counties and development zones
are recognised only so that their figures are not mistaken for their city's.
"""

from __future__ import annotations

import re

__all__ = [
    "AUTONOMOUS_REGIONS",
    "DISTRICTS",
    "FOREIGN",
    "MUNICIPALITIES",
    "PLACES",
    "PROVINCES",
    "SLUG",
    "names_of",
    "place_of",
    "province_of",
]

SLUG = re.compile(r"cn(-[a-z]+)*")  # use SLUG.fullmatch

# name (as written, without 省/市/自治区), ISO 3166-2:CN code
PROVINCES: tuple[tuple[str, str], ...] = (
    ("北京", "bj"), ("天津", "tj"), ("河北", "he"), ("山西", "sx"), ("内蒙古", "nm"),
    ("辽宁", "ln"), ("吉林", "jl"), ("黑龙江", "hl"), ("上海", "sh"), ("江苏", "js"),
    ("浙江", "zj"), ("安徽", "ah"), ("福建", "fj"), ("江西", "jx"), ("山东", "sd"),
    ("河南", "ha"), ("湖北", "hb"), ("湖南", "hn"), ("广东", "gd"), ("广西", "gx"),
    ("海南", "hi"), ("重庆", "cq"), ("四川", "sc"), ("贵州", "gz"), ("云南", "yn"),
    ("西藏", "xz"), ("陕西", "sn"), ("甘肃", "gs"), ("青海", "qh"), ("宁夏", "nx"),
    ("新疆", "xj"), ("香港", "hk"), ("澳门", "mo"), ("台湾", "tw"),
)  # fmt: skip

# city, province code, pinyin: capitals, sub-provincial cities and other frequent ones.
_CITIES: tuple[tuple[str, str, str], ...] = (
    ("石家庄", "he", "shijiazhuang"), ("张家口", "he", "zhangjiakou"), ("廊坊", "he", "langfang"),
    ("保定", "he", "baoding"), ("唐山", "he", "tangshan"), ("太原", "sx", "taiyuan"),
    ("大同", "sx", "datong"), ("呼和浩特", "nm", "huhehaote"), ("乌兰察布", "nm", "wulanchabu"),
    ("包头", "nm", "baotou"), ("沈阳", "ln", "shenyang"), ("大连", "ln", "dalian"),
    ("长春", "jl", "changchun"), ("哈尔滨", "hl", "haerbin"), ("南京", "js", "nanjing"),
    ("苏州", "js", "suzhou"), ("无锡", "js", "wuxi"), ("常州", "js", "changzhou"),
    ("南通", "js", "nantong"), ("徐州", "js", "xuzhou"), ("扬州", "js", "yangzhou"),
    ("杭州", "zj", "hangzhou"), ("宁波", "zj", "ningbo"), ("温州", "zj", "wenzhou"),
    ("嘉兴", "zj", "jiaxing"), ("绍兴", "zj", "shaoxing"), ("金华", "zj", "jinhua"),
    ("湖州", "zj", "huzhou"), ("台州", "zj", "taizhou"), ("合肥", "ah", "hefei"),
    ("芜湖", "ah", "wuhu"), ("福州", "fj", "fuzhou"), ("厦门", "fj", "xiamen"),
    ("泉州", "fj", "quanzhou"), ("南昌", "jx", "nanchang"), ("济南", "sd", "jinan"),
    ("青岛", "sd", "qingdao"), ("烟台", "sd", "yantai"), ("潍坊", "sd", "weifang"),
    ("郑州", "ha", "zhengzhou"), ("洛阳", "ha", "luoyang"), ("武汉", "hb", "wuhan"),
    ("宜昌", "hb", "yichang"), ("襄阳", "hb", "xiangyang"), ("长沙", "hn", "changsha"),
    ("株洲", "hn", "zhuzhou"), ("广州", "gd", "guangzhou"), ("深圳", "gd", "shenzhen"),
    ("东莞", "gd", "dongguan"), ("佛山", "gd", "foshan"), ("珠海", "gd", "zhuhai"),
    ("韶关", "gd", "shaoguan"), ("惠州", "gd", "huizhou"), ("南宁", "gx", "nanning"),
    ("海口", "hi", "haikou"), ("三亚", "hi", "sanya"), ("成都", "sc", "chengdu"),
    ("绵阳", "sc", "mianyang"), ("雅安", "sc", "yaan"), ("宜宾", "sc", "yibin"),
    ("贵阳", "gz", "guiyang"), ("昆明", "yn", "kunming"), ("拉萨", "xz", "lasa"),
    ("西安", "sn", "xian"), ("兰州", "gs", "lanzhou"), ("庆阳", "gs", "qingyang"),
    ("西宁", "qh", "xining"), ("银川", "nx", "yinchuan"), ("中卫", "nx", "zhongwei"),
    ("乌鲁木齐", "xj", "wulumuqi"), ("克拉玛依", "xj", "kelamayi"),
    ("秦皇岛", "he", "qinhuangdao"), ("邯郸", "he", "handan"), ("沧州", "he", "cangzhou"),
    ("鄂尔多斯", "nm", "eerduosi"), ("和林格尔", "nm", "helingeer"), ("鞍山", "ln", "anshan"),
    ("吉林市", "jl", "jilin"), ("大庆", "hl", "daqing"), ("盐城", "js", "yancheng"),
    ("镇江", "js", "zhenjiang"), ("泰州", "js", "taizhou"), ("连云港", "js", "lianyungang"),
    ("淮安", "js", "huaian"), ("宿迁", "js", "suqian"), ("丽水", "zj", "lishui"),
    ("衢州", "zj", "quzhou"), ("舟山", "zj", "zhoushan"), ("蚌埠", "ah", "bengbu"),
    ("马鞍山", "ah", "maanshan"), ("安庆", "ah", "anqing"), ("滁州", "ah", "chuzhou"),
    ("漳州", "fj", "zhangzhou"), ("莆田", "fj", "putian"), ("赣州", "jx", "ganzhou"),
    ("九江", "jx", "jiujiang"), ("临沂", "sd", "linyi"), ("淄博", "sd", "zibo"),
    ("济宁", "sd", "jining"), ("威海", "sd", "weihai"), ("日照", "sd", "rizhao"),
    ("新乡", "ha", "xinxiang"), ("许昌", "ha", "xuchang"), ("南阳", "ha", "nanyang"),
    ("开封", "ha", "kaifeng"), ("十堰", "hb", "shiyan"), ("荆州", "hb", "jingzhou"),
    ("黄石", "hb", "huangshi"), ("湘潭", "hn", "xiangtan"), ("衡阳", "hn", "hengyang"),
    ("岳阳", "hn", "yueyang"), ("常德", "hn", "changde"), ("中山", "gd", "zhongshan"),
    ("江门", "gd", "jiangmen"), ("汕头", "gd", "shantou"), ("湛江", "gd", "zhanjiang"),
    ("肇庆", "gd", "zhaoqing"), ("清远", "gd", "qingyuan"), ("柳州", "gx", "liuzhou"),
    ("桂林", "gx", "guilin"), ("德阳", "sc", "deyang"), ("泸州", "sc", "luzhou"),
    ("南充", "sc", "nanchong"), ("达州", "sc", "dazhou"), ("乐山", "sc", "leshan"),
    ("自贡", "sc", "zigong"), ("遵义", "gz", "zunyi"), ("安顺", "gz", "anshun"),
    ("曲靖", "yn", "qujing"), ("玉溪", "yn", "yuxi"), ("宝鸡", "sn", "baoji"),
    ("咸阳", "sn", "xianyang"), ("榆林", "sn", "yulin"), ("天水", "gs", "tianshui"),
    ("酒泉", "gs", "jiuquan"), ("石嘴山", "nx", "shizuishan"), ("哈密", "xj", "hami"),
)  # fmt: skip

# Parts of cities: their figures belong to no followed jurisdiction (see LABELLING.md).
DISTRICTS = re.compile(
    r"(?:海淀|朝阳|丰台|石景山|通州|顺义|昌平|大兴|门头沟|房山|怀柔|平谷|密云|延庆|西城|东城"
    r"|浦东|徐汇|闵行|杨浦|长宁|静安|黄浦|普陀|虹口|宝山|嘉定|松江|青浦|奉贤|金山|崇明"
    r"|南山|福田|宝安|龙岗|龙华|罗湖|前海|南沙|天河|黄埔|番禺|海珠|越秀"
    r"|滨江|余杭|西湖|萧山|拱墅|上城|钱塘|临平|武侯|锦江|青羊|成华|金牛|郫都|双流"
    r"|江宁|建邺|鼓楼|玄武|秦淮|栖霞|浦口|渝北|渝中|九龙坡|沙坪坝|武昌|汉阳|江汉|洪山"
    r"|[\u4e00-\u9fa5]{2,4}高新|天府|两江|西咸|贵安|东湖|[\u4e00-\u9fa5]{2,4}经济技术开发)"
    r"(?:新区|区)"
    r"|[\u4e00-\u9fa5]{2,4}高新技术产业开发区|[\u4e00-\u9fa5]{2,4}工业园区|光谷|张江|临港新片区"
    r"|中关村|雄安新区"
    # Bare district names in a list: 南山、福田、龙岗
    r"|(?:海淀|朝阳|丰台|浦东|徐汇|闵行|南山|福田|宝安|龙岗|龙华|罗湖|前海|天河|黄埔|番禺|滨江|余杭|萧山"
    r"|武侯|锦江|高新|江宁|鼓楼|东城|西城|石景山|昌平)(?=[、和及与])"
    r"|(?<![县全本我该])[\u4e00-\u9fa5]{2,3}县(?![级域城])"
)


# Outside China: a figure about them is not about any followed jurisdiction.
FOREIGN = re.compile(
    r"全球|世界|国际上|海外|境外|国外|美国|欧盟|欧洲|日本|韩国|英国|德国|法国|印度|新加坡|俄罗斯|加拿大"
    r"|澳大利亚|以色列|中东|东南亚|东盟|非洲|拉美"
)
# Provinces whose 全区 is the whole province; municipalities whose 全市 is.
AUTONOMOUS_REGIONS = ("cn-gx", "cn-nm", "cn-nx", "cn-xj", "cn-xz")
MUNICIPALITIES = ("cn-bj", "cn-sh", "cn-tj", "cn-cq")
# Publishers outside the mainland (a Hong Kong paper, a Taiwan institute) report the mainland's
# figures: a figure naming no place is about the place they were writing about.
OUTSIDE_MAINLAND = ("cn-hk", "cn-mo", "cn-tw")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _places() -> tuple[tuple[re.Pattern[str], str], ...]:
    zone = [(r"北京经开区|北京经济技术开发区|北京亦庄|亦庄", "cn-bj-etown")]
    cities = [(name, f"cn-{code}-{pinyin}") for name, code, pinyin in _CITIES]
    provinces = [(name, f"cn-{code}") for name, code in PROVINCES]
    national = [(r"我国|全国|中国大陆|中国|国内|内地|大陆地区|大陆", "cn")]
    return tuple((_compile(p), slug) for p, slug in (*zone, *cities, *provinces, *national))


# Place names, most specific first: a zone before its city, a city before its province.
PLACES: tuple[tuple[re.Pattern[str], str], ...] = _places()


def names_of(pattern: re.Pattern[str]) -> list[str]:
    """The names of a pattern that is an alternation of plain names (北京经开区|亦庄)."""
    names = pattern.pattern.split("|")
    if not all(re.fullmatch(r"[\u4e00-\u9fa5A-Za-z]+", n) for n in names):
        raise ValueError(f"not an alternation of plain names: {pattern.pattern}")
    return names


def place_of(text: str) -> str | None:
    """The most specific place ``text`` names (a publisher's name, say), or None."""
    for pattern, slug in PLACES:
        if pattern.search(text):
            return slug
    return None


def province_of(slug: str) -> str:
    """``cn-gd`` for ``cn-gd-shenzhen``; a province or ``cn`` is its own."""
    return "-".join(slug.split("-")[:2])
