package cn.srdi.engine.grading;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.util.ArrayList;
import java.util.List;

/** The exclusion flags of GRADING.md section 3, as a bit set. */
final class ExclusionFlags {
    static final Field[] FLAGS = {
        Field.ABNORMAL_OPERATION, Field.SERIOUSLY_UNTRUSTWORTHY, Field.PROHIBITED_INDUSTRY,
        Field.MAJOR_INCIDENT_3Y, Field.TAX_VIOLATION_3Y
    };

    private ExclusionFlags() {
    }

    static int of(Profile p) {
        int bits = 0;
        for (int i = 0; i < FLAGS.length; i++) {
            if (p.isTrue(FLAGS[i])) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    static List<String> names(int bits) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FLAGS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(FLAGS[i].id());
            }
        }
        return names;
    }

    static String zh(int bits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FLAGS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "、" : "").append(FLAGS[i].zh());
            }
        }
        return sb.toString();
    }
}
