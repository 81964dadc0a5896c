package org.mepsc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.compare.Cohort;
import org.mepsc.compare.CohortReader;
import org.mepsc.compare.ComparisonResult;
import org.mepsc.compare.GroupComparison;
import org.mepsc.testing.SyntheticCohort;
import org.mepsc.testing.SyntheticCohort.Extras;
import org.mepsc.testing.SyntheticCohort.Group;
import org.mepsc.testing.SyntheticCohort.Spec;

class HtmlReportTest {

    static final GroupComparison.Options FAST = GroupComparison.Options.defaults().withResamples(200);

    @TempDir
    Path dir;

    private String report() throws IOException {
        Cohort cohort = CohortReader.read(dir, "group");
        ComparisonResult result = GroupComparison.compare(cohort, FAST);
        HtmlReport.write(cohort, result, dir.resolve("report.html"), GroupComparison.inputs(dir));
        return Files.readString(dir.resolve("report.html"));
    }

    @Test
    void textFromFilesIsEscapedEverywhere() throws IOException {
        String group = "<img src=x onerror=alert(1)>";
        List<SyntheticCohort.Cell> cells = new ArrayList<>(SyntheticCohort.generate(Spec.of(1,
                new Group("control", 3, 2, 15), new Group(group, 3, 3, 15)).withDuration(20)));
        SyntheticCohort.Cell c = cells.get(0);
        cells.set(0, new SyntheticCohort.Cell("it's \"a\" <cell> & more", c.group(), c.peakS(), c.amplitudePa(),
                c.riseMs(), c.decayMs(), c.durationS()));
        SyntheticCohort.write(dir, cells, Extras.all().withFailed("<script>x()</script>"));
        Files.writeString(dir.resolve("run.json"), "{\"<b>key</b>\": \"</td><script>y()</script>\"}");
        String html = report();
        assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<cell>").doesNotContain("<b>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("it&#39;s &quot;a&quot; &lt;cell&gt; &amp; more")
                .contains("&lt;script&gt;x()&lt;/script&gt;")
                .contains("&lt;/td&gt;&lt;script&gt;y()&lt;/script&gt;");
    }

    @Test
    void everyFigureIsLabelledAndIdsAreUnique() throws IOException {
        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(2, new Group("control", 4, 2, 15),
                new Group("drug", 4, 3, 15)).withDuration(30)), Extras.all());
        String html = report();
        Matcher svg = Pattern.compile("<svg [^>]*id=\"([^\"]+)\"[^>]*>\\n<title id=\"([^\"]+)\">([^<]+)</title>\\n<desc id=\"[^\"]+\">([^<]+)</desc>")
                .matcher(html);
        int count = 0;
        while (svg.find()) {
            count++;
            assertThat(svg.group(0)).contains("role=\"img\"").contains("aria-labelledby=\"" + svg.group(2));
            assertThat(svg.group(3)).isNotBlank();
            assertThat(svg.group(4)).isNotBlank();
        }
        // 4 dot plots, 2 distributions, 1 waveform, 8 examples
        assertThat(count).isEqualTo(15);
        assertThat(html.split("<svg ", -1).length - 1).isEqualTo(15);
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("duplicate id %s", ids.group(1)).isTrue();
        }
        // nothing is fetched: no scripts, links or external references
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("@import");
    }

    @Test
    void missingOptionalFilesLeavePanelsOutWithANote() throws IOException {
        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(3, new Group("control", 3, 2, 15),
                new Group("drug", 3, 3, 15)).withDuration(20)), Extras.minimal());
        String html = report();
        assertThat(html).contains("No average waveforms: waveforms.csv is absent")
                .contains("No example traces: examples.csv is absent")
                .contains("No run.json in the batch directory")
                .doesNotContain("id=\"waveform\"").doesNotContain("id=\"example-0\"")
                .contains("id=\"ecdf-amplitude_pA\"");

        Files.delete(dir.resolve("events.csv"));
        String withoutEvents = report();
        assertThat(withoutEvents).contains("No event table (events.csv)").doesNotContain("id=\"ecdf-amplitude_pA\"")
                .contains("id=\"dot-frequency_hz\"");
    }

    @Test
    void pooledKsIsLabelledAsReferenceOnly() throws IOException {
        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(4, new Group("control", 3, 2, 15),
                new Group("drug", 3, 3, 15)).withDuration(20)), Extras.minimal());
        assertThat(report()).contains("pooled, inflates n, for reference only").contains("class=\"ref\">Pooled KS p*");
    }
}
