// Declares a dtype that does not exist ('Float64'): must be an error, never a silent float32.
export default { name: 'js-dtype-typo', dtype: 'Float64', ops: { 'nn.softmax': ({ x }) => x } };
