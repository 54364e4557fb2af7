package dev.sreagent.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.pipeline.RemediationAnswer.Edit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditApplierTest {
  static final String CODE = "a\nb\nc\nb\n";
  final Map<String, LocatedFile> shown = Map.of(
      "src/A.java", new LocatedFile("src/A.java", "r", CODE, CODE, List.of(1)),
      "src/S.java", new LocatedFile("src/S.java", "r", "k=secret\n", "k=<password:1>\n", List.of(1)));

  @Test
  void editsApplyInOrderAndCountChangedLines() {
    var applied = EditApplier.apply(List.of(new Edit("src/A.java", "a\n", "x\ny\n"), new Edit("src/A.java", "c\n", "")), shown);
    assertThat(applied.problems()).isEmpty();
    assertThat(applied.files()).singleElement().satisfies(f -> assertThat(f.content()).isEqualTo("x\ny\nb\nb\n"));
    assertThat(applied.changedLines()).isEqualTo(4); // a→x,y: 1 removed + 2 added; c removed: 1
  }

  @Test
  void eachProblemIsNamed() {
    var applied = EditApplier.apply(List.of(
        new Edit("src/A.java", "b\n", "B\n"),
        new Edit("src/A.java", "zzz", "y"),
        new Edit("src/A.java", "a", "a"),
        new Edit("src/Other.java", "a", "b"),
        new Edit("src/S.java", "k=", "key=")), shown);
    assertThat(applied.problems()).containsExactly(
        "edit 1 (src/A.java): the search text occurs 2 times in the file; it must occur exactly once",
        "edit 2 (src/A.java): the search text occurs 0 times in the file; it must occur exactly once",
        "edit 3 (src/A.java): the replacement equals the search text and changes nothing",
        "edit 4 (src/Other.java): the file was not shown to the model; edits may change only the files shown",
        "edit 5 (src/S.java): the file contains values the redactor replaced, so the model saw placeholders; change it by hand");
    assertThat(applied.files()).isEmpty();
  }

  @Test
  void changedLinesIgnoreSharedContext() {
    assertThat(EditApplier.changedLines("a\nb\nc", "a\nB\nc")).isEqualTo(2);
    assertThat(EditApplier.changedLines("a\nb", "a\nb\nc")).isEqualTo(1);
  }
}
