package dev.sreagent.pipeline.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags log text that reads like instructions to a model or tries to break out of a data block. Any
 * finding makes the incident suspicious: it is reported, no model is asked for a fix and no code changes.
 *
 * <p>The text is first normalized (NFKC, zero-width and bidi characters removed, lower case, whitespace
 * collapsed) so homoglyph-free tricks like full-width letters or {@code i\u200Bgnore} do not slip by.
 * Rules, each with a stable id used in reports:
 * <ul>
 *   <li>{@code fence-break}: a data-block marker ({@code <<<} or {@code >>>} next to a word like data, log, input, begin or end; {@code END DATA}; {@code </data>},
 *       {@code </untrusted}), or a chat-template token ({@code <|im_start|>}, {@code [INST]}, {@code <<SYS>>},
 *       {@code <|system|>}, {@code </s>}).</li>
 *   <li>{@code role-marker}: a line that starts like a chat turn ({@code system:}, {@code assistant:},
 *       {@code ### instruction}).</li>
 *   <li>{@code override}: "ignore / disregard / forget / override … previous / prior / above / earlier /
 *       all … instructions / rules / prompts / context", "new instructions", "you are now", "from now on",
 *       "act as", "pretend to be".</li>
 *   <li>{@code addresses-model}: text that speaks to the agent or a model ("AI agent", "language model",
 *       "assistant", "LLM", "ChatGPT", "Claude", "Gemini", "Copilot", "sre-agent") followed by an imperative
 *       ("please", "you must", "should", "need to") or a colon.</li>
 *   <li>{@code change-request}: a request to add, edit, remove, bump or disable something in CI, build or
 *       dependency files, or to commit, push, merge or approve ("add the dependency…", "edit
 *       .github/workflows…", "please merge").</li>
 *   <li>{@code exfiltration}: asks to print, reveal, send or upload secrets, tokens, keys, credentials or
 *       environment variables.</li>
 * </ul>
 * Ordinary error logs (exceptions, SQL errors, HTTP failures, "failed to update dependency cache") match
 * none of them: a change request needs an imperative at the start of a sentence or after "please".
 * Thread safe.
 */
public final class InjectionDetector {

  /** One rule that matched. */
  public record Finding(String rule, String where) {}

  private record Rule(String id, Pattern pattern) {}

  private static final String VERB = "(?:add|insert|include|edit|modify|change|update|replace|remove|delete|disable|skip|bump|upgrade|install|commit|push|merge|approve|rewrite|create)";
  private static final String TARGET = "(?:\\.github|github actions|workflow|ci(?: |/|\\.|-|$)|ci config|pipeline|jenkinsfile|"
      + "dependenc|pom\\.xml|package\\.json|requirements[\\w.-]*\\.txt|build\\.gradle|go\\.mod|dockerfile|makefile|"
      + "gradle|npm|pip install|maven|pull request|\\bpr\\b)";

  /** Where an imperative starts: a sentence start, "please", "you must", "make sure to", "instead", "to fix this,". */
  private static final String IMPERATIVE = "(?:^|[.!?;:\\n]\\s*|\\bplease\\s+|\\byou (?:must|should|need to|have to)\\s+"
      + "|\\b(?:make sure|be sure|remember) to\\s+|\\binstead\\s+|\\balso\\s+"
      + "|\\bto (?:fix|resolve|solve) (?:this|it|the (?:error|issue|bug|problem))\\s*,?\\s*)";

  private static final List<Rule> RULES = List.of(
      new Rule("fence-break", Pattern.compile(
          "<<<\\s*[a-z0-9_-]*(?:data|log|untrusted|input|begin|end)|(?:data|log|untrusted|input|begin|end)[a-z0-9_-]*\\s*>>>|\\bend (?:of )?(?:untrusted )?data\\b|</\\s*(?:data|untrusted|log|logs|context|system|instructions?)\\s*>"
              + "|<\\|[a-z_]+\\|>|\\[/?inst\\]|<</?sys>>|</s>|```\\s*(?:system|instructions?)")),
      new Rule("role-marker", Pattern.compile(
          "(?:^|\\n)\\s*(?:#{1,6}\\s*)?(?:system|assistant|developer|instruction|instructions)\\s*:|(?:^|\\n)\\s*#{1,6}\\s*(?:system|instruction|instructions|response)\\b")),
      new Rule("override", Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass)\\b.{0,40}?\\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system)\\b"
              + ".{0,30}?\\b(?:instruction|instructions|rules|prompt|prompts|directions|guidelines|context|policy|policies)\\b"
              + "|\\bnew (?:instructions|task|rules)\\b\\s*:|\\byou are now\\b|\\bfrom now on\\b|\\bact as (?:an?|the)\\b|\\bpretend (?:to be|you are)\\b",
          Pattern.DOTALL)),
      new Rule("addresses-model", Pattern.compile(
          "\\b(?:ai|ai agent|assistant|language model|llm|chatgpt|gpt|claude|copilot|sre-agent)\\b\\s*(?:,|:)\\s*"
              + "|\\b(?:dear|attention|note to (?:the)?|hey)\\s+(?:ai|agent|assistant|model|llm|sre-agent|bot)\\b"
              + "|\\b(?:ai|(?<!user-)agent|assistant|language model|llm|model|sre-agent)\\b[^.\\n]{0,20}\\b(?:please|you must|you should|must now|should now|you need to)\\b")),
      new Rule("change-request", Pattern.compile(
          IMPERATIVE + VERB + "\\b[^.\\n]{0,80}?" + TARGET
              + "|\\b(?:merge|approve|auto-?merge)\\b\\s+(?:this|the|it|your|my)\\b[^.\\n]{0,20}\\b(?:pr|pull request|change|fix|branch)\\b")),
      new Rule("exfiltration", Pattern.compile(
          IMPERATIVE + "(?:print|reveal|show|send|post|upload|leak|output|echo|dump|exfiltrate|include|paste|curl|wget)\\b[^.\\n]{0,60}?"
              + "\\b(?:[a-z0-9]+_)*(?:secrets?|tokens?|api[ _-]?keys?|private keys?|passwords?|credentials?|env(?:ironment)? var(?:iable)?s?|\\$[a-z_]*token|\\.env)\\b"
              + "(?![^.\\n]{0,3}(?:expired|invalid|missing|not found|rejected|refused))")));

  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF\\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

  /**
   * @param where a label for the text (such as {@code sample 2}), put into the finding
   * @param text untrusted text
   * @return every rule that matched, once each, in rule order
   */
  public List<Finding> scan(String where, String text) {
    String t = normalize(text);
    List<Finding> out = new ArrayList<>();
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(t);
      if (m.find()) {
        out.add(new Finding(r.id(), where));
      }
    }
    return out;
  }

  static String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
    n = INVISIBLE.matcher(n).replaceAll("");
    n = SPACES.matcher(n).replaceAll(" ");
    return n.toLowerCase(Locale.ROOT);
  }
}
