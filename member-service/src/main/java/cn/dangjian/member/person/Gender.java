package cn.dangjian.member.person;

public enum Gender {
  MALE,
  FEMALE
}
