package cn.dangjian.member.bulk;

import cn.dangjian.platform.problem.ProblemException;

/** Writes one valid row through the owning service, and says which column a refusal concerns. */
interface RowWriter<T> {

  /** Writes the row; a {@link ProblemException} means the service refused it. */
  void write(RowState<T> row);

  /** The column the service's refusal is about, or null for the whole row. */
  BulkColumn columnFor(String rule, RowState<T> row);
}
