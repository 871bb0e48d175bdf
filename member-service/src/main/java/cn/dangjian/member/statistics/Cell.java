package cn.dangjian.member.statistics;

/** One counted category: a stored dimension and its value, e.g. (GENDER, FEMALE). */
record Cell(String dim, String val) {}
