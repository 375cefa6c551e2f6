"""Chinese text as the search index sees it: overlapping bigrams, whole Latin/digit words."""

import random

import pytest

from hotline_desktop.store.bigrams import SearchTerm, index_text, index_tokens, parse_query


def found(term: SearchTerm, tokens: list[str]) -> bool:
    """Whether the term's tokens appear consecutively, as an FTS phrase (prefix) query sees it."""
    *head, last = term.tokens
    for start in range(len(tokens) - len(term.tokens) + 1):
        window = tokens[start : start + len(term.tokens)]
        if window[:-1] != head:
            continue
        if window[-1] == last or (term.prefix and window[-1].startswith(last)):
            return True
    return False


def finds(query: str, document: str) -> bool:
    tokens = index_tokens(document)
    return all(found(term, tokens) for term in parse_query(query))


# ---- the document side ----


def test_a_chinese_run_becomes_its_bigrams_and_its_last_character():
    assert index_tokens("拖欠工资") == ["拖欠", "欠工", "工资", "资"]


def test_a_single_character_is_its_own_token():
    assert index_tokens("欠") == ["欠"]


def test_digits_and_latin_letters_stay_whole_words_in_lower_case():
    assert index_tokens("13人APP") == ["13", "人", "app"]
    assert index_tokens("外卖APP罚款200元") == ["外卖", "卖", "app", "罚款", "款", "200", "元"]


def test_punctuation_and_spaces_separate_runs():
    assert index_tokens("欠薪，13人 讨薪！") == ["欠薪", "薪", "13", "人", "讨薪", "薪"]


def test_a_ticket_number_is_two_words():
    assert index_tokens("20261128-00042") == ["20261128", "00042"]


def test_a_document_of_several_fields_is_one_token_string():
    assert index_text("20261128-00042", "", "张三", "欠薪") == "20261128 00042 张三 三 欠薪 薪"


def test_text_without_letters_digits_or_chinese_has_no_tokens():
    assert index_tokens("，。！ -- ") == []


# ---- the query side ----


def test_a_one_character_query_is_a_prefix_search():
    assert parse_query("欠") == [SearchTerm("欠", ("欠",), prefix=True)]


def test_a_two_character_query_is_one_exact_bigram():
    (term,) = parse_query("欠薪")
    assert term == SearchTerm("欠薪", ("欠薪",), prefix=False)
    assert term.exact


def test_a_four_character_query_is_a_phrase_of_bigrams():
    (term,) = parse_query("拖欠工资")
    assert term.tokens == ("拖欠", "欠工", "工资")
    assert not term.prefix
    assert not term.exact  # an engine without phrases must check the text


def test_a_ticket_number_is_a_phrase_ending_in_a_prefix():
    (term,) = parse_query("20261128-00042")
    assert term == SearchTerm("20261128-00042", ("20261128", "00042"), prefix=True)


def test_a_mixed_term_keeps_the_inner_runs_last_character():
    (term,) = parse_query("欠薪13人")
    assert term.tokens == ("欠薪", "薪", "13", "人")
    assert term.prefix


def test_latin_letters_are_searched_in_lower_case():
    assert parse_query("APP") == [SearchTerm("APP", ("app",), prefix=True)]


def test_whitespace_separates_terms_that_must_all_match():
    terms = parse_query("  拖欠工资\t外卖　骑手 欠 ")
    assert [t.text for t in terms] == ["拖欠工资", "外卖", "骑手", "欠"]
    assert [t.tokens for t in terms] == [("拖欠", "欠工", "工资"), ("外卖",), ("骑手",), ("欠",)]


@pytest.mark.parametrize("query", ["", "   ", "，。！", "-- ?"])
def test_a_query_of_nothing_searchable_has_no_terms(query):
    assert parse_query(query) == []


# ---- no false misses ----


def test_a_query_finds_the_text_it_was_cut_from():
    document = "西安某工地13名木工被拖欠工资60万元，APP无法登录"
    for query in ["欠", "工资", "拖欠工资", "木工被拖", "13名", "60万", "app", "工资60"]:
        assert finds(query, document), query
    assert not finds("社保", document)


ALPHABET = "拖欠工资社保伤薪" + "0123456789" + "，"


def random_documents(count: int, seed: int = 12351) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(ALPHABET, k=rng.randint(1, 14))) for _ in range(count)]


def starts_a_token(document: str, i: int) -> bool:
    """CJK characters each start a token; a digit only at the start of its number."""
    return not (document[i].isdigit() and i > 0 and document[i - 1].isdigit())


def test_every_substring_starting_at_a_token_boundary_is_found():
    checked = 0
    for document in random_documents(400):
        for i in range(len(document)):
            if not starts_a_token(document, i):
                continue
            for j in range(i + 1, len(document) + 1):
                assert finds(document[i:j], document), (document, document[i:j])
                checked += 1
    assert checked > 5000


def test_a_number_is_matched_from_its_start():
    # Latin and digit runs are whole words: the tail of a ticket number is its own word,
    # but a fragment from inside a phone number is not found (documented in bigrams).
    assert finds("00042", "工单20261128-00042")
    assert finds("138", "来电13812345678")
    assert not finds("5678", "来电13812345678")


def test_full_width_letters_and_digits_are_indexed_like_half_width_ones():
    assert index_tokens("ＡＰＰ罚款１３８") == ["app", "罚款", "款", "138"]
    assert finds("app", "ＡＰＰ罚款")
