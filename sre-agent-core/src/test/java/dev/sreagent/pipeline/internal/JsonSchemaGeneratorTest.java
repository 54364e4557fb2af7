package dev.sreagent.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sreagent.pipeline.AnalysisAnswer;
import dev.sreagent.pipeline.RemediationAnswer;
import dev.sreagent.pipeline.TriageAnswer;
import org.junit.jupiter.api.Test;

class JsonSchemaGeneratorTest {
  @Test
  void recordsBecomeStrictObjectSchemasWithDescriptionsAndBounds() {
    JsonNode s = JsonSchemaGenerator.schemaOf(RemediationAnswer.class);
    assertThat(s.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(s.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(s.path("required").toString()).isEqualTo("[\"summary\",\"edits\",\"confidence\",\"testSuggestion\"]");
    assertThat(s.at("/properties/confidence/maximum").asDouble()).isEqualTo(1.0);
    assertThat(s.at("/properties/edits/type").asText()).isEqualTo("array");
    assertThat(s.at("/properties/edits/minItems").asInt()).isEqualTo(1);
    JsonNode edit = s.at("/properties/edits/items");
    assertThat(edit.path("required").toString()).isEqualTo("[\"path\",\"search\",\"replace\"]");
    assertThat(edit.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(edit.at("/properties/search/description").asText()).contains("exactly once");
  }

  @Test
  void enumsListTheirConstantsAndListsOfStringsAreArrays() {
    assertThat(JsonSchemaGenerator.schemaOf(TriageAnswer.class).at("/properties/category/enum").toString())
        .isEqualTo("[\"CODE_DEFECT\",\"CONFIGURATION\",\"DEPENDENCY_FAILURE\",\"INFRASTRUCTURE\",\"BAD_INPUT\",\"UNKNOWN\"]");
    assertThat(JsonSchemaGenerator.schemaOf(AnalysisAnswer.class).at("/properties/suspectFiles/items/type").asText()).isEqualTo("string");
  }

  record Unsupported(java.util.Map<String, String> m) {}

  @Test
  void unsupportedTypesAreRejectedByName() {
    assertThatThrownBy(() -> JsonSchemaGenerator.schemaOf(Unsupported.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported type for schema at m: java.util.Map<java.lang.String, java.lang.String>");
  }
}
