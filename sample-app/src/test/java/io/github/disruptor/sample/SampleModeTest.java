package io.github.disruptor.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sample.mode} names a mode, exactly; anything else stops the start with a report that lists the modes. */
@ExtendWith(OutputCaptureExtension.class)
class SampleModeTest {

    @Test
    void aValueThatNamesNoModeStopsTheStartWithTheModesListed(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--sample.mode=kafak", "--spring.main.banner-mode=off"))
                .rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("sample.mode");
        assertThat(output).contains("Invalid value 'kafak' for configuration property 'sample.mode'")
                .contains("the modes are standalone and kafka, in lower case; standalone when unset");
    }
}
