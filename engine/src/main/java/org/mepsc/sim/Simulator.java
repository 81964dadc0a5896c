package org.mepsc.sim;

import java.util.Optional;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Sweep;

/** Makes simulated recordings with known events: ground truth for detectors. */
public final class Simulator {

    private Simulator() {
    }

    /**
     * A fully synthetic trace. Cheap: samples are only computed when read.
     *
     * @throws IllegalArgumentException if the parameters do not fit together ({@link SimulationParameters#validate()})
     */
    public static SimulatedRecording simulate(SimulationParameters parameters) {
        return new SimulatedRecording(parameters.validate(), Optional.empty());
    }

    /**
     * Events (and any synthetic noise, hum, drift, artefacts and holding current the parameters
     * ask for) added to real recorded noise. The trace takes the noise sweep's sample rate; its
     * length is the parameters' duration or the sweep's, whichever is shorter. Set the noise SD and
     * holding current to 0 for real noise alone.
     *
     * @throws IllegalArgumentException if the channel or sweep does not exist or the channel is not a current
     */
    public static SimulatedRecording simulate(SimulationParameters parameters, NoiseSource noise) {
        var rec = noise.recording();
        String name = rec.source().map(Object::toString).orElse("the noise recording");
        if (noise.channel() < 0 || noise.channel() >= rec.channels().size()) {
            throw new IllegalArgumentException(name + " has no channel " + noise.channel() + " (channels 0.."
                    + (rec.channels().size() - 1) + ")");
        }
        if (noise.sweep() < 0 || noise.sweep() >= rec.sweeps().size()) {
            throw new IllegalArgumentException(name + " has no sweep " + noise.sweep() + " (sweeps 0.."
                    + (rec.sweeps().size() - 1) + ")");
        }
        Channel c = rec.channel(noise.channel());
        if (!c.isCurrent()) {
            throw new IllegalArgumentException("channel " + c.index() + " (" + c.name() + ") of " + name
                    + " is not a current (unit '" + c.declaredUnit() + "'); choose a current channel");
        }
        Sweep s = rec.sweep(noise.sweep());
        double fs = s.sampleRateHz();
        long n = Math.min(s.length(), Math.round(parameters.durationS() * fs));
        if (n < 1) {
            throw new IllegalArgumentException("sweep " + s.index() + " of " + name + " is empty");
        }
        SimulationParameters effective = parameters.withSampleRateHz(fs).withDurationS(n / fs);
        return new SimulatedRecording(effective.validate(), Optional.of(noise));
    }
}
