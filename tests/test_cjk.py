"""Announcements in Chinese, Japanese and Korean: labels with full-width colons, names without
capitals, sentences without blanks (all people, places and texts invented)."""
from __future__ import annotations

import pytest

from conftest import one_event_record
from extractor.api import extract_text
from extractor.fields.cjk_people import parse_cjk_people, parse_cjk_person
from extractor.fields.people import Person, parse_people
from extractor.shapes import word_count


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("佐伯 陽菜 氏（東雲情報科学研究所 主任研究員）", Person("佐伯 陽菜", "東雲情報科学研究所"),
                 id="japanese-honorific-unit-post"),
    pytest.param("林晓雯 副教授（南屿师范大学 地理科学学院）", Person("林晓雯", "南屿师范大学"),
                 id="chinese-post-then-school"),
    pytest.param("정하윤 교수 (한빛해양대학교 해양환경학과)", Person("정하윤", "한빛해양대학교"),
                 id="korean-ascii-brackets"),
    pytest.param("小田切 蓮 氏（博士後期課程）", Person("小田切 蓮", None), id="post-only-in-brackets"),
    pytest.param("陈志远", Person("陈志远", None), id="bare-name"),
    pytest.param("未定", None, id="placeholder"),
    pytest.param("教授", None, id="post-alone"),
    pytest.param("機械工学専攻 ロボット知能研究室 浅野 拓真", None, id="unit-before-name"),
])
def test_a_cjk_person_is_a_short_name_before_posts_and_a_bracket(text: str, expected: Person | None) -> None:
    assert parse_cjk_person(text) == expected


def test_a_cjk_list_parts_at_ideographic_commas_and_lines_not_inside_brackets() -> None:
    people = parse_cjk_people("早瀬 由美子 氏（潮風苑、施設長）、谷口 誠一郎 氏（東湊大学）\n류민재 박사")
    assert [p.name for p in people] == ["早瀬 由美子", "谷口 誠一郎", "류민재"]
    assert people[0].affiliation == "潮風苑"


def test_parse_people_hands_cjk_text_to_the_cjk_reader() -> None:
    assert parse_people("森下 彩香 氏（株式会社ソラ 研究開発本部）") == [Person("森下 彩香", "株式会社ソラ")]
    assert parse_people("Ada Roe (Lakeshore University)") == [Person("Ada Roe", "Lakeshore University")]


def test_unparted_letters_count_as_words() -> None:
    assert word_count("Tilings count.") == 2
    assert word_count("海面の上昇は沿岸の町を変えつつある。") == 5 + 1


_JAPANESE_MAIL = """関係各位

下記の通りセミナーを開催いたします。

日時：2031年5月9日（金）15:00〜16:30
場所：南台大学 理学部2号館 201講義室
講演者：
　戸川 美咲 氏（潮見海洋研究所 主任研究員）
　白石 航 氏（南台大学 大学院理学研究科 准教授）
演題：「沿岸の町と海面上昇：百年の記録から」
概要：
海面の上昇は沿岸の町の暮らしを少しずつ変えつつある。本講演では、百年分の潮位記録と古地図を用いて、三つの港町の変化をたどる。
講演は日本語で行われます。

問い合わせ先：seminar@minamidai.example.org
"""

_CHINESE_NOTICE = """主讲人：郑思远 研究员（北川生态研究院）
题目：湿地鸟类迁徙路线的变化
摘要：近三十年来，湿地面积持续减少。本报告利用环志与卫星追踪数据，分析候鸟迁徙路线的变化及其原因。

主办：北川大学生命科学学院
"""

_KOREAN_NOTICE = """■ 연사: 윤서진 박사 (동해기후연구원)
■ 제목: 동해 수온 상승과 어업의 변화
■ 초록: 지난 50년 동안 동해의 수온은 꾸준히 상승하였다. 본 발표에서는 어획량 자료를 분석하여 어종 구성의 변화를 소개한다.

※ 본 세미나는 해양과학 콜로키움 시리즈의 일환으로 진행됩니다.
※ 문의: ocean@haeyang.example.org
"""


def test_a_japanese_mail_gives_both_speakers_the_title_and_the_abstract() -> None:
    record = extract_text(_JAPANESE_MAIL)
    assert [(s["name"], s["affiliation"]) for s in record["speakers"]] == [
        ("戸川 美咲", "潮見海洋研究所"), ("白石 航", "南台大学")]
    assert record["title"] == "沿岸の町と海面上昇：百年の記録から"
    assert record["abstract"].startswith("海面の上昇は")
    assert record["abstract"].endswith("三つの港町の変化をたどる。")  # the language note is no summary


def test_a_chinese_notice_gives_speaker_title_and_abstract() -> None:
    record = extract_text(_CHINESE_NOTICE)
    assert [(s["name"], s["affiliation"]) for s in record["speakers"]] == [("郑思远", "北川生态研究院")]
    assert record["title"] == "湿地鸟类迁徙路线的变化"
    assert record["abstract"].startswith("近三十年来") and record["abstract"].endswith("及其原因。")


def test_a_korean_notice_reads_bulleted_labels_and_ends_the_abstract_at_the_notes() -> None:
    record = extract_text(_KOREAN_NOTICE)
    assert [(s["name"], s["affiliation"]) for s in record["speakers"]] == [("윤서진", "동해기후연구원")]
    assert record["title"] == "동해 수온 상승과 어업의 변화"
    assert record["abstract"].endswith("변화를 소개한다.")


_KOREAN_FEED_NOTICE = """■ 발표자: 김하늘, 박도윤 (해양학과 박사과정)
■ 제목: 갯벌 미생물의 계절 변화
■ 초록:
갯벌의 미생물 군집은 계절에 따라 크게 달라진다. 우리는 두 해 동안 매달 시료를 채취하여 군집 구성을 비교하였다.

* 이번 세미나는 대학원생 공동 발표로 진행됩니다.
■ 누구나 참석 가능 (참가비 없음)
"""

_CHINESE_ROUNDTABLE = """论坛嘉宾：
1. 郑思远 主任医师（北川第一人民医院）
2. 欧阳静怡（云栈健康科技有限公司）

论坛简介：社区慢病管理的数据分散在多个系统之中。本期圆桌围绕数据共享与隐私保护展开讨论。

本期论坛由北川健康促进基金会支持。
"""


def test_a_bracket_after_the_last_of_two_names_is_both_speakers_and_a_starred_line_is_a_note() -> None:
    record = extract_text(_KOREAN_FEED_NOTICE)
    assert [(s["name"], s["affiliation"]) for s in record["speakers"]] == [
        ("김하늘", "해양학과"), ("박도윤", "해양학과")]
    assert record["abstract"].endswith("비교하였다.")
    assert record["price"]["is_free"] is True  # "참가비 없음": no fee


def test_a_numbered_guest_list_a_sponsor_credit_and_an_introduction_label() -> None:
    record = extract_text(_CHINESE_ROUNDTABLE)
    assert [(s["name"], s["affiliation"]) for s in record["speakers"]] == [
        ("郑思远", "北川第一人民医院"), ("欧阳静怡", "云栈健康科技有限公司")]
    assert [s["name"] for s in record["sponsors"]] == ["北川健康促进基金会"]
    assert record["abstract"].endswith("展开讨论。")  # the sponsor's sentence is no summary


@pytest.mark.parametrize(("summary", "series"), [
    pytest.param("[해양학과 세미나] 갯벌 미생물의 계절 변화", "해양학과 세미나", id="bracketed-first"),
    pytest.param("[세미나] 갯벌 미생물의 계절 변화", None, id="bracketed-kind-alone"),
    pytest.param("公共卫生前沿讲座（第14期）：社区慢病管理", "公共卫生前沿讲座", id="number-in-brackets-after"),
    pytest.param("第12回 海洋科学セミナー（戸川 美咲 氏）", "海洋科学セミナー", id="number-before"),
])
def test_a_cjk_summary_names_its_series(summary: str, series: str | None) -> None:
    assert one_event_record(summary, "講演者：戸川 美咲 氏")["series"] == series
