import editorConfig from './editor-config';
import preview from './preview';
import templateTransfer from './template-transfer';
import templateVersions from './template-versions';
import templates from './templates';
import testSend from './test-send';
import uploads from './uploads';

export default {
  'editor-config': editorConfig,
  preview,
  'template-transfer': templateTransfer,
  'template-versions': templateVersions,
  templates,
  'test-send': testSend,
  uploads,
};
