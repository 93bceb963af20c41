package dev.imagesync.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {

    private static final Set<String> KNOWN = Set.of("cr.backend.ai", "localhost:5000");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            python                                   | index.docker.io/lablup/python:latest
            python:3.9                               | index.docker.io/lablup/python:3.9
            python:                                  | index.docker.io/lablup/python:latest
            lablup/python:3.9-ubuntu20.04            | index.docker.io/lablup/python:3.9-ubuntu20.04
            library/ubuntu:22.04                     | index.docker.io/library/ubuntu:22.04
            index.docker.io/python:3.9               | index.docker.io/python:3.9
            index.docker.io/lablup/python            | index.docker.io/lablup/python:latest
            cr.backend.ai/stable/python:3.9          | cr.backend.ai/stable/python:3.9
            cr.backend.ai/python                     | cr.backend.ai/python:latest
            unknown.example.com/stable/python:3.9    | index.docker.io/unknown.example.com/stable/python:3.9
            localhost:5000/lablup/python:3.9         | localhost:5000/lablup/python:3.9
            localhost:6000/lablup/python:3.9         | index.docker.io/localhost:6000/lablup/python:3.9
            10.0.0.1/lablup/python:3.9               | 10.0.0.1/lablup/python:3.9
            10.0.0.1:5000/python                     | 10.0.0.1:5000/python:latest
            [::1]:5000/lablup/python:3.9             | [::1]:5000/lablup/python:3.9
            [fe80::1]/python:3.9                     | [fe80::1]/python:3.9
            300.0.0.1/python                         | index.docker.io/300.0.0.1/python:latest
            cr.backend.ai/a/b/c:v_1.2-x              | cr.backend.ai/a/b/c:v_1.2-x
            """)
    void parse_resolvesRegistryNameAndTag(String reference, String canonical) {
        assertThat(ImageRef.parse(reference, KNOWN).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://cr.backend.ai/python     | no protocol scheme
            //cr.backend.ai/python           | no protocol scheme
            python:-bad                      | tag '-bad' is not valid
            python:bad-                      | tag 'bad-' is not valid
            python:a+b                       | tag 'a+b' is not valid
            python:.x                        | tag '.x' is not valid
            cr.backend.ai/:3.9               | the image name is empty
            :3.9                             | the image name is empty
            cr.backend.ai/a//b               | empty path component
            ' python'                        | surrounding spaces
            """)
    void parse_rejectsInvalidReferences(String reference, String problem) {
        assertThatThrownBy(() -> ImageRef.parse(reference, KNOWN))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageStartingWith("invalid image reference '" + reference + "': ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource({"a,true", "A1,true", "3.9-ubuntu20.04,true", "a_b,true", "a..b,true", "-a,false", "a-,false",
            "'',false", "a b,false", "a/b,false"})
    void tagGrammar(String tag, boolean valid) {
        assertThat(ImageTags.isValid(tag)).isEqualTo(valid);
    }

    @org.junit.jupiter.api.Test
    void tagGrammar_limitsLengthTo128() {
        assertThat(ImageTags.isValid("a".repeat(128))).isTrue();
        assertThat(ImageTags.isValid("a".repeat(129))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void tagRef_usesRegistryNameAndTag() {
        assertThat(ImageRef.parse("cr.backend.ai/stable/python:3.9", KNOWN).toTagRef())
                .isEqualTo(new TagRef("cr.backend.ai", "stable/python", "3.9"));
    }
}
