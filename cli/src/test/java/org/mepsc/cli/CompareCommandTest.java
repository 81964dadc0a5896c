package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.testing.SyntheticCohort;
import org.mepsc.testing.SyntheticCohort.Extras;
import org.mepsc.testing.SyntheticCohort.Group;
import org.mepsc.testing.SyntheticCohort.Spec;

class CompareCommandTest {

    @TempDir
    Path dir;


    static Run mepsc(String... args) {
        return Run.of(args);
    }

    @Test
    void ketamineCohortEndToEnd() throws IOException {
        // 6 control cells at 2 Hz and 6 ketamine cells at 4 Hz, the same log-normal amplitudes
        SyntheticCohort.write(dir, SyntheticCohort.generate(new Spec(List.of(new Group("control", 6, 2, 15),
                new Group("ketamine", 6, 4, 15)), 120, 0.45, 0.15, 0.15, 21)), Extras.all());
        Run r = mepsc("compare", dir.toString(), "--bootstrap", "500", "--seed", "3");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("control: control").contains("frequency_hz").contains("ketamine vs control")
                .contains("pooled KS for reference only").contains("report.html");
        assertThat(dir.resolve("report.html")).isRegularFile();
        assertThat(dir.resolve("comparison.json")).isRegularFile();

        List<CSVRecord> rows = csv(dir.resolve("comparison.csv"));
        CSVRecord freq = rows.stream().filter(x -> x.get("measure").equals("frequency_hz")).findFirst().orElseThrow();
        CSVRecord amp = rows.stream().filter(x -> x.get("measure").equals("amplitude_median_pA")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(freq.get("mann_whitney_p"))).isLessThan(0.05);
        assertThat(Double.parseDouble(freq.get("welch_p"))).isLessThan(0.05);
        assertThat(Double.parseDouble(freq.get("hedges_g_ci_low"))).isGreaterThan(0);
        assertThat(Double.parseDouble(amp.get("mann_whitney_p"))).isGreaterThan(0.05);
        assertThat(Double.parseDouble(amp.get("welch_p"))).isGreaterThan(0.05);
        assertThat(Double.parseDouble(amp.get("hedges_g_ci_low"))).isLessThan(0);
        assertThat(Double.parseDouble(amp.get("hedges_g_ci_high"))).isGreaterThan(0);
    }

    @Test
    void missingCellsCsvIsAnInputError() {
        Run r = mepsc("compare", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(r.err()).isEqualTo("mepsc: " + dir.resolve("cells.csv")
                + ": no such file; compare reads the output directory of mepsc batch" + System.lineSeparator());
    }

    @Test
    void oneGroupIsAnInputError() throws IOException {
        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(1, new Group("control", 3, 2, 15))), Extras.minimal());
        Run r = mepsc("compare", dir.toString(), "--bootstrap", "200");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(r.err()).startsWith("mepsc: " + dir.resolve("cells.csv") + ": only one group ('control' in column 'group')");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void usageErrorsSayWhatToChange() throws IOException {
        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(2, new Group("control", 3, 2, 15),
                new Group("drug", 3, 3, 15)).withDuration(20)), Extras.minimal());
        Run control = mepsc("compare", dir.toString(), "--control", "saline");
        assertThat(control.code()).isEqualTo(ExitCode.USAGE);
        assertThat(control.err()).startsWith("mepsc: --control: no group 'saline'").contains("groups: control, drug");
        assertThat(control.err().lines()).hasSize(1);

        Run by = mepsc("compare", dir.toString(), "--by", "animal");
        assertThat(by.code()).isEqualTo(ExitCode.USAGE);
        assertThat(by.err()).startsWith("mepsc: --by: no column 'animal'");

        Run boot = mepsc("compare", dir.toString(), "--bootstrap", "10");
        assertThat(boot.code()).isEqualTo(ExitCode.USAGE);
        assertThat(boot.err()).contains("--bootstrap must be at least 100");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void malformedInputIsOneLine() throws IOException {
        Files.writeString(dir.resolve("cells.csv"), "cell,group,frequency_hz,status\na,control,1,ok\nb,drug,x,ok\n");
        Run r = mepsc("compare", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(r.err()).isEqualTo("mepsc: " + dir.resolve("cells.csv")
                + ": line 3, column frequency_hz: 'x' is not a number" + System.lineSeparator());
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
