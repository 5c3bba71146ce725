// Bug: tfjs layers deconvLength: n·s + max(k_e − s, 0) − pads (differs when the kernel is shorter than the stride)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'convention', description: 'tfjs layers deconvLength: n·s + max(k_e − s, 0) − pads (differs when the kernel is shorter than the stride)' };
export default entry('bug-ct-deconv-length', { 'cnn.conv-transpose2d-shape': convTranspose({ deconvLength: true }) });
