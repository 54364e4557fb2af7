package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.grouping.internal.Masker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "number        | retry 3 of 10 failed                         | retry <*> of <*> failed",
      "hex           | lock 0x7ff3a91c2e0 released                  | lock <*> released",
      "ip and port   | connect to 10.20.30.40:8443 refused          | connect to <*> refused",
      "ipv6          | peer fe80::1ff:fe23:4567:890a gone            | peer <*> gone",
      "uuid          | instance 3f2b7c1e-0a9d-4c55-9e21-7d4b8a6c0f13 stopped | instance <*> stopped",
      "duration      | request took 250ms                            | request took <*>",
      "size          | wrote 64KB to cache                           | wrote <*> to cache",
      "id with words | job job_20261126_0042_r_000007 done | job <*> done",
      "key=value     | uid=0 euid=10 user=root                       | uid=<*> euid=<*> user=root",
      "unix path     | cannot open /var/lib/app/data.db: denied      | cannot open <*>: denied",
      "windows path  | loaded C:\\Windows\\system32\\cbs.dll now        | loaded <*> now",
      "url           | GET https://api.example.com/v1/orders?id=5 failed | GET <*> failed",
      "whitespace    | ~  too   many\tspaces  ~                      | too many spaces",
      "list collapse | stack @0x7fe @0x7fa @0x7fb @0xff8)            | stack <*>",
      "pair list     | nodes n-1 <ok> n-2 <ok> n-3 <ok>              | nodes <*> <ok>",
      "two stay      | from 1.2.3.4 port 22                          | from <*> port <*>",
      "words stay    | Connection closed by peer                     | Connection closed by peer",
      "timestamp     | at 2026-11-26T04:30:31.455Z started           | at <*> started",
      "quoted        | user \"alice\" logged in                      | user \"alice\" logged in",
      "quoted spaces | label=\"Night Mode\", uid=4242               | label=\"Night_Mode\", uid=<*>",
      "open quote    | name=launcher\", ws=none                       | name=launcher\", ws=none",
      "size and unit | estimated size 5.2 KB, free 317.1 MiB           | estimated size <*> free <*>",
      "time and unit | took 30 seconds, then <1 sec                    | took <*> then <*>",
      "restated size | 1190 bytes (1.16 KB) sent, 0 bytes received     | <*> sent, <*> received",
      "label stays   | status: 200 bytes: 512 took: 3 ms               | status: <*> bytes: <*> took: <*>",
      "word stays    | waited 3 days for the B team                    | waited <*> for the B team",
      "no number     | the B side and the s key                        | the B side and the s key",
      "paren alone   | read 5 (of 9) items                             | read <*> (of <*> items",
  })
  void masksVariables(String name, String message, String expected) {
    assertThat(Masker.mask(message)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "same template for different numbers | read 10 bytes | read 99999 bytes",
      "same template for different hosts | ping 10.0.0.1 ok | ping 192.168.77.254 ok",
      "same template for restated sizes | sent 0 bytes, lifetime 00:10 | sent 1190 bytes (1.16 KB), lifetime <1 sec",
  })
  void variablesGiveOneTemplate(String name, String a, String b) {
    assertThat(Masker.mask(a)).isEqualTo(Masker.mask(b));
  }

  @org.junit.jupiter.api.Test
  void manyQuotesAndSpacesAreHandledInOnePass() {
    String m = "\"a b\" ".repeat(10_000) + "\"unclosed " + "x ".repeat(10_000);
    String masked = Masker.mask(m);
    assertThat(masked).startsWith("\"a_b\" \"a_b\" ").contains("\"a_b\" \"unclosed x x ").endsWith(" x x");
    assertThat(masked.split(" ")).hasSize(10_000 + 1 + 10_000);
  }

  @org.junit.jupiter.api.Test
  void reusableInstanceGivesTheSameResultAsTheStaticForm() {
    Masker m = new Masker();
    for (String s : new String[] {"a 1 b", "x".repeat(1000) + " 1,2,3,4,5,6,7,8,9", "", "   ", "é 5 ü"}) {
      m.run(s);
      assertThat(new String(m.chars(), 0, m.length())).isEqualTo(Masker.mask(s));
    }
  }
}
